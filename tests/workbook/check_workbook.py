"""Opens a result workbook of resv-calc with openpyxl, a reader independent of our writer, and
checks it against a spec the Node test (tests/node/workbook.test.mjs) makes from the report:

  python3 tests/workbook/check_workbook.py book.xlsx spec.json

- every sheet is there, in order;
- each sheet has a frozen pane just below its first table's heads, and a width on every column;
- every cell under a money, share or persons head is a number with that number format;
- each table's number columns add up to its sum row, exactly: the values are read back as
  decimals (openpyxl gives floats; the repr of a float is the shortest decimal that reads back
  to it, which is the decimal written for up to 15 significant digits, checked), then added as
  Decimals, so a cent off is an error;
- each sum row holds the report's own total (the spec's `totals`);
- the payment schedule's instalments add up to each payer's amount;
- text that looks like a formula comes back as exactly that text: a string cell, no formula
  anywhere, and no stored apostrophe.

Prints one line per sheet with the checks it passed; exits 1 with the failures otherwise.
"""

import json
import sys
from decimal import Decimal

import openpyxl
from openpyxl.utils import get_column_letter

failures = []


def fail(msg):
    failures.append(msg)


def dec(v, where):
    """The decimal a number cell holds (see the module's note on floats)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        fail(f"{where}: {v!r} is not a number")
        return Decimal(0)
    d = Decimal(v) if isinstance(v, int) else Decimal(repr(v))
    if len(d.as_tuple().digits) > 15:
        fail(f"{where}: {v!r} has more than 15 significant digits; a float cannot carry it")
    return d


def tables_of(ws):
    """Blocks of rows separated by empty rows: title, heads, rows, and the sum row if any."""
    blocks, block = [], []
    for row in ws.iter_rows():
        if all(c.value is None for c in row):
            if block:
                blocks.append(block)
            block = []
        else:
            block.append(row)
    if block:
        blocks.append(block)
    return blocks


def main(path, spec_path):
    spec = json.load(open(spec_path, encoding="utf-8"))
    wb = openpyxl.load_workbook(path)
    if wb.sheetnames != spec["sheets"]:
        fail(f"sheets {wb.sheetnames} != {spec['sheets']}")
    formats = spec["formats"]
    kinds = spec["columns"]  # sheet -> head -> money | share | persons
    sum_label = spec["sumLabel"]
    totals = {}
    for t in spec["totals"]:
        totals.setdefault((t["sheet"], t["table"]), {})[t["column"]] = Decimal(t["value"])
    lines = []
    seen_tables = set()
    for ws in wb.worksheets:
        passed = []
        blocks = tables_of(ws)
        # Frozen below the first table's heads (its second row).
        first_head = blocks[0][1][0].row if blocks and len(blocks[0]) > 1 else None
        pane = ws.freeze_panes
        if pane is None or first_head is None or ws[pane].row != first_head + 1:
            fail(f"{ws.title}: frozen pane {pane} is not below the heads on row {first_head}")
        else:
            passed.append(f"frozen at {pane}")
        widths = [ws.column_dimensions[get_column_letter(i)].width for i in range(1, ws.max_column + 1)]
        if not all(w and w > 0 for w in widths) or not all(
            ws.column_dimensions[get_column_letter(i)].customWidth for i in range(1, ws.max_column + 1)
        ):
            fail(f"{ws.title}: column widths {widths}")
        else:
            passed.append(f"{len(widths)} column widths")
        formatted = sums = 0
        for block in blocks:
            title = block[0][0].value
            if len(block) < 2:
                continue
            heads = [c.value for c in block[1]]
            body = block[2:]
            sum_row = body[-1] if body and body[-1][0].value == sum_label else None
            data = body[:-1] if sum_row else body
            if len(data) == 1 and all(c.value is None for c in data[0][1:]) and len(heads) > 1:
                data = []  # a note ("Geen meldingen.")
            # Number formats under the money, share and persons heads.
            for i, head in enumerate(heads):
                kind = kinds.get(ws.title, {}).get(head)
                if not kind:
                    continue
                for row in data + ([sum_row] if sum_row else []):
                    c = row[i] if i < len(row) else None
                    if c is None or c.value is None:
                        continue
                    want = formats[kind]
                    if kind == "persons" and isinstance(c.value, float):
                        want = formats["fraction"]
                    if not isinstance(c.value, (int, float)) or c.number_format != want:
                        fail(f"{ws.title}!{c.coordinate} ({head}): {c.value!r} as {c.number_format!r}, not {want!r}")
                    formatted += 1
            if sum_row is None:
                continue
            # Each number column adds up to its sum row; the sum row holds the report's totals.
            want_totals = totals.get((ws.title, title), {})
            seen_tables.add((ws.title, title))
            for i, head in enumerate(heads):
                s = sum_row[i].value if i < len(sum_row) else None
                if not isinstance(s, (int, float)):
                    if head in want_totals:
                        fail(f"{ws.title} / {title} / {head}: no sum")
                    continue
                column = [row[i].value for row in data if i < len(row) and row[i].value is not None]
                total = sum((dec(v, f"{ws.title}!{get_column_letter(i + 1)}") for v in column), Decimal(0))
                if total != dec(s, f"{ws.title}!{sum_row[i].coordinate}"):
                    fail(f"{ws.title} / {title} / {head}: the column adds up to {total}, the sum row says {s!r}")
                if head in want_totals and dec(s, head) != want_totals[head]:
                    fail(f"{ws.title} / {title} / {head}: sum row {s!r}, the report's total {want_totals[head]}")
                sums += 1
            for head in want_totals:
                if head not in heads:
                    fail(f"{ws.title} / {title}: no column {head!r}")
            if ws.title in spec.get("rowSums", {}):
                at = spec["rowSums"][ws.title]
                for row in data + [sum_row]:
                    amount = dec(row[at["total"]].value, row[0].coordinate)
                    parts = sum((dec(c.value, c.coordinate) for c in row[at["from"]:] if c.value is not None), Decimal(0))
                    if amount != parts:
                        fail(f"{ws.title} row {row[0].row}: instalments add up to {parts}, not {amount}")
                passed.append(f"{len(data) + 1} rows = their instalments")
        passed.append(f"{formatted} number formats")
        passed.append(f"{sums} column sums = sum row")
        lines.append(f"{ws.title}: {len(blocks)} table(s); " + ", ".join(passed))
    for key in totals:
        if key not in seen_tables:
            fail(f"no table {key[1]!r} with a sum row on {key[0]!r}")
    # Text stays text: the exact names, string cells, no formulas, no stored apostrophe.
    strings = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f":
                    fail(f"{ws.title}!{c.coordinate}: a formula {c.value!r}")
                if isinstance(c.value, str):
                    strings.add(c.value)
                    if c.value.startswith("'"):
                        fail(f"{ws.title}!{c.coordinate}: a stored apostrophe {c.value!r}")
                    if c.value[:1] in "=+-@" and not c.quotePrefix:
                        fail(f"{ws.title}!{c.coordinate}: {c.value!r} without quotePrefix")
    for text in spec["texts"]:
        if text not in strings:
            fail(f"the text {text!r} is not in the workbook as it is")
    lines.append(f"texts: {len(spec['texts'])} formula-looking names read back exactly, no formula cell, no apostrophe")
    print("\n".join(lines))
    if failures:
        print("\n".join(["FAILED:"] + failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
