//! The catalogue: every Dutch and English text of every problem and warning, in one place.
//!
//! Problems and warnings carry typed facts; only this module turns them into words, so a
//! message can be reworded (or a language added) without touching the code that found it.

use super::numbers::{count_phrase, counted, money_phrase, number_phrase, percent_phrase};
use super::{Expected, Issue, PaidThrough, Problem, ShareSource, Warning};
use rust_decimal::Decimal;

/// A message language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Dutch, the default of the product.
    Nl,
    /// English.
    En,
}

impl Expected {
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn nl(self) -> &'static str {
        match self {
            Expected::Text => "een tekst",
            Expected::Number => "een getal (tekst of number)",
            Expected::List => "een lijst",
            Expected::Object => "een object",
            Expected::Boolean => "true of false",
        }
    }
    #[cfg_attr(resv_optimize, optimize(size))]
    pub(super) fn en(self) -> &'static str {
        match self {
            Expected::Text => "a string",
            Expected::Number => "a number (string or number)",
            Expected::List => "a list",
            Expected::Object => "an object",
            Expected::Boolean => "true or false",
        }
    }
}

/// An amount as the core prints it: at least two decimals, `.` as decimal point, never
/// `-0.00` (`Money`'s `Display` uses this too).
#[cfg_attr(resv_optimize, optimize(size))]
pub fn amount_text(value: Decimal) -> String {
    let mut v = value.normalize();
    if v.scale() < 2 {
        v.rescale(2);
    }
    if v.is_zero() {
        v.set_sign_positive(true);
    }
    v.to_string()
}

/// The names of where an estimate's shares come from.
#[cfg_attr(resv_optimize, optimize(size))]
fn share_source(source: ShareSource) -> (&'static str, &'static str) {
    match source {
        ShareSource::National => (NATIONAL_SHARES_SOURCE, NATIONAL_SHARES_SOURCE),
        ShareSource::Given => ("opgegeven", "given"),
    }
}

/// The names of existing funding that may already pay for a line.
#[cfg_attr(resv_optimize, optimize(size))]
fn paid_through(funding: PaidThrough) -> (&'static str, &'static str) {
    match funding {
        PaidThrough::OI => ("O&I", "O&I"),
        PaidThrough::DistrictNursingCoordination => (
            "coördinatie wijkverpleging",
            "district nursing coordination",
        ),
    }
}

/// The Sankey's label for the kassier that receives the money on behalf of the RESV.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn kassier_label(kassier: &str, resv_name: &str) -> (String, String) {
    (
        format!("{kassier} (kassier namens {resv_name})"),
        format!("{kassier} (kassier on behalf of {resv_name})"),
    )
}

/// The Sankey's label for what the RESV keeps, in Dutch and English.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn kept_label(resv_name: &str) -> (String, String) {
    (format!("{resv_name} (zelf)"), format!("{resv_name} (kept)"))
}

/// The one-line summary of invalid input that a JS `Error`'s `message` carries: the first
/// `listed` issues with their paths, in Dutch and then in English.
#[cfg_attr(resv_optimize, optimize(size))]
pub fn invalid_input_summary(issues: &[Issue], listed: usize) -> String {
    let summary = |lang: Lang| {
        let mut parts: Vec<String> = issues
            .iter()
            .take(listed)
            .map(|i| {
                if i.path.segments().is_empty() {
                    i.message(lang)
                } else {
                    format!("{}: {}", i.path, i.message(lang))
                }
            })
            .collect();
        let more = issues.len().saturating_sub(listed);
        if more > 0 {
            parts.push(pick(
                (format!("en nog {more}"), format!("and {more} more")),
                lang,
            ));
        }
        parts.join("; ")
    };
    format!(
        "Ongeldige invoer: {} / Invalid input: {}",
        summary(Lang::Nl),
        summary(Lang::En)
    )
}

/// The source of the national shares as messages cite it.
pub const NATIONAL_SHARES_SOURCE: &str = "NZa/Vektis 2022";

/// The text in `lang` of a Dutch and English pair.
#[cfg_attr(resv_optimize, optimize(size))]
fn pick((nl, en): (String, String), lang: Lang) -> String {
    match lang {
        Lang::Nl => nl,
        Lang::En => en,
    }
}

/// A count in both languages (`100.000` / `100,000`); `usize` and `u64` alike.
#[cfg_attr(resv_optimize, optimize(size))]
fn counts(n: impl TryInto<u64>) -> (String, String) {
    let n = n.try_into().unwrap_or(u64::MAX);
    (count_phrase(n, Lang::Nl), count_phrase(n, Lang::En))
}

/// An amount in both languages (`€ 49.950,00` / `€49,950.00`).
#[cfg_attr(resv_optimize, optimize(size))]
fn moneys(value: Decimal) -> (String, String) {
    (money_phrase(value, Lang::Nl), money_phrase(value, Lang::En))
}

/// A percentage in both languages (`36,8%` / `36.8%`).
#[cfg_attr(resv_optimize, optimize(size))]
fn percents(value: Decimal) -> (String, String) {
    (
        percent_phrase(value, Lang::Nl),
        percent_phrase(value, Lang::En),
    )
}

/// A count with its noun in both languages (`1 veld` / `3 fields`).
#[cfg_attr(resv_optimize, optimize(size))]
fn nouns(n: usize, nl: (&str, &str), en: (&str, &str)) -> (String, String) {
    let n = u64::try_from(n).unwrap_or(u64::MAX);
    (
        counted(n, Lang::Nl, nl.0, nl.1),
        counted(n, Lang::En, en.0, en.1),
    )
}

impl Problem {
    /// The message in the given language: the one catalogue of user-facing texts.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn message(&self, lang: Lang) -> String {
        pick(self.texts(), lang)
    }

    /// The Dutch and the English message.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn texts(&self) -> (String, String) {
        match self {
            Problem::Missing => (
                "ontbreekt".into(),
                "is missing".into(),
            ),
            Problem::WrongType { expected, found } => (
                format!("moet {} zijn, maar is {}", expected.nl(), found),
                format!("must be {}, but is {}", expected.en(), found),
            ),
            Problem::NumberEmpty => (
                "is leeg; verwacht een getal zoals \"1250.00\"".into(),
                "is empty; expected a number such as \"1250.00\"".into(),
            ),
            Problem::NumberHasWhitespace => (
                "bevat spaties voor of na het getal".into(),
                "has spaces before or after the number".into(),
            ),
            Problem::NumberHasExponent => (
                "gebruikt een exponent (zoals 1e3); schrijf het getal voluit".into(),
                "uses an exponent (such as 1e3); write the number out in full".into(),
            ),
            Problem::NumberHasUnderscore => (
                "bevat een liggend streepje (_)".into(),
                "contains an underscore (_)".into(),
            ),
            Problem::NumberHasComma => (
                "bevat een komma; gebruik een punt als decimaalteken en geen scheidingstekens voor duizendtallen (\"1000.00\", niet \"1.000,00\")".into(),
                "contains a comma; use a point as decimal separator and no thousands separators (\"1000.00\", not \"1.000,00\")".into(),
            ),
            Problem::NumberNotFinite => (
                "is geen eindig getal (NaN of oneindig)".into(),
                "is not a finite number (NaN or infinite)".into(),
            ),
            Problem::NumberTooManyDigits => (
                "heeft meer dan 28 cijfers en kan niet exact worden bewaard".into(),
                "has more than 28 digits and cannot be held exactly".into(),
            ),
            Problem::NumberMalformed => (
                "is geen decimaal getal; verwacht bijvoorbeeld \"1250.00\" of \"-12.5\"".into(),
                "is not a decimal number; expected for example \"1250.00\" or \"-12.5\"".into(),
            ),
            Problem::AmountTooLarge { max } => {
                let (nl, en) = moneys(*max);
                (
                format!("is te groot; het grootste toegestane bedrag is {nl}"),
                format!("is too large; the largest supported amount is {en}"),
                )
            }
            Problem::NotWholeMinorUnits { minor_unit } => {
                let (nl, en) = moneys(*minor_unit);
                (
                format!("is geen geheel aantal eenheden van {nl}"),
                format!("is not a whole number of units of {en}"),
                )
            }
            Problem::MinorUnitNotPositive => (
                "moet groter dan nul zijn".into(),
                "must be greater than zero".into(),
            ),
            Problem::NoParties => (
                "is leeg; geef ten minste één partij".into(),
                "is empty; give at least one party".into(),
            ),
            Problem::DuplicateId { id, first } => (
                format!("id \"{id}\" komt al voor bij {first}"),
                format!("id \"{id}\" already occurs at {first}"),
            ),
            Problem::EmptyId => (
                "mag niet leeg zijn".into(),
                "must not be empty".into(),
            ),
            Problem::NegativeWeight => (
                "mag niet negatief zijn".into(),
                "must not be negative".into(),
            ),
            Problem::AllWeightsZero => (
                "alle gewichten zijn nul; er is niets om naar te verdelen".into(),
                "every weight is zero; there is nothing to split by".into(),
            ),
            Problem::UnknownOption { name } => (
                format!("onbekende optie \"{name}\""),
                format!("unknown option \"{name}\""),
            ),
            Problem::TooManyItems { max } => {
                let (nl, en) = counts(*max);
                (
                format!("bevat meer dan {nl} elementen, het maximum"),
                format!("has more than {en} elements, the maximum"),
                )
            }
            Problem::TooDeeplyNested { max } => (
                format!("is dieper genest dan {max} niveaus"),
                format!("is nested deeper than {max} levels"),
            ),
            Problem::WeightsTooPrecise => (
                "de gewichten beslaan samen te veel cijfers voor een exacte verdeling; rond ze af".into(),
                "the weights together span too many digits for an exact split; round them".into(),
            ),
            Problem::Unreadable => (
                "bevat iets dat geen gegevens zijn (een functie, een symbool of iets dergelijks)".into(),
                "holds something that is not data (a function, a symbol or the like)".into(),
            ),
            Problem::FileEmpty => (
                "het bestand is leeg".into(),
                "the file is empty".into(),
            ),
            Problem::FileTooLarge { max } => {
                let mib = max / (1024 * 1024);
                let (nl, en) = counts(*max);
                (
                format!("het bestand is groter dan {mib} MiB ({nl} bytes), het maximum"),
                format!("the file is larger than {mib} MiB ({en} bytes), the maximum"),
                )
            }
            Problem::FileIsSpreadsheet => (
                "dit is een Excel-werkmap, geen CSV; sla het blad op als CSV (puntkomma-gescheiden) of gebruik de XLSX-import".into(),
                "this is an Excel workbook, not a CSV; save the sheet as CSV (semicolon separated) or use the XLSX import".into(),
            ),
            Problem::FileIsBinary => (
                "het bestand bevat binaire gegevens, geen tekst".into(),
                "the file holds binary data, not text".into(),
            ),
            Problem::MissingColumn { column, header } => (
                format!("kolom \"{column}\" ontbreekt in de kopregel \"{header}\""),
                format!("column \"{column}\" is missing from the header line \"{header}\""),
            ),
            Problem::DuplicateColumn { column } => (
                format!("kolom \"{column}\" komt twee keer voor in de kopregel"),
                format!("column \"{column}\" occurs twice in the header line"),
            ),
            Problem::FieldCount { expected, found } => {
                let (nl, en) = nouns(*found, ("veld", "velden"), ("field", "fields"));
                let (nl_header, en_header) = counts(*expected);
                (
                format!("heeft {nl}, de kopregel {nl_header}"),
                format!("has {en}, the header line {en_header}"),
                )
            }
            Problem::UnclosedQuote => (
                "een aanhalingsteken wordt nergens gesloten".into(),
                "a quotation mark is never closed".into(),
            ),
            Problem::PostcodeMalformed { found } => (
                format!("\"{found}\" is geen postcode; verwacht bijvoorbeeld 1011 of 1011AB"),
                format!("\"{found}\" is not a postcode; expected for example 1011 or 1011AB"),
            ),
            Problem::CountNegative => (
                "een aantal mag niet negatief zijn".into(),
                "a count must not be negative".into(),
            ),
            Problem::CountFractional => (
                "een aantal moet een geheel getal zijn (personen), zonder decimalen".into(),
                "a count must be a whole number (persons), without decimals".into(),
            ),
            Problem::CountMalformed { found } => (
                format!("\"{found}\" is geen aantal; verwacht bijvoorbeeld 12345 of 12.345"),
                format!("\"{found}\" is not a count; expected for example 12345 or 12.345"),
            ),
            Problem::CountTooLarge { max } => {
                let (nl, en) = counts(*max);
                (
                format!("is groter dan {nl}, het maximum"),
                format!("is larger than {en}, the maximum"),
                )
            }
            Problem::FractionOutOfRange => (
                "een fractie moet tussen 0 en 1 liggen (0,25 is een kwart)".into(),
                "a fraction must lie between 0 and 1 (0.25 is a quarter)".into(),
            ),
            Problem::FractionTooPrecise { max } => (
                format!("een fractie heeft ten hoogste {max} decimalen"),
                format!("a fraction has at most {max} decimals"),
            ),
            Problem::TextTooLong { max } => {
                let (nl, en) = counts(*max);
                (
                format!("is langer dan {nl} tekens"),
                format!("is longer than {en} characters"),
                )
            }
            Problem::TooManyInsurers { max } => {
                let (nl, en) = counts(*max);
                (
                format!("meer dan {nl} verschillende verzekeraars"),
                format!("more than {en} different insurers"),
                )
            }
            Problem::TooManyRows { max } => {
                let (nl, en) = counts(*max);
                (
                format!("meer dan {nl} rijen, het maximum"),
                format!("more than {en} rows, the maximum"),
                )
            }
            Problem::TooManyProblems { listed } => {
                let (nl, en) = counts(*listed);
                (
                format!("na {nl} problemen is het lezen gestopt; de rest van het bestand is niet gecontroleerd"),
                format!("reading stopped after {en} problems; the rest of the file was not checked"),
                )
            }
            Problem::ConflictingConcern { label, first } => (
                format!("verzekeraar \"{label}\" hoorde eerder bij concern \"{first}\""),
                format!("insurer \"{label}\" was given concern \"{first}\" before"),
            ),
            Problem::UnknownInsurer { label } => (
                format!("van verzekeraar \"{label}\" is het concern onbekend; geef het op in insurers of verdeel per verzekeraar"),
                format!("the concern of insurer \"{label}\" is unknown; give it in insurers or allocate by insurer"),
            ),
            Problem::EmptyWorkArea => (
                "het werkgebied bevat geen postcodes".into(),
                "the work area lists no postcodes".into(),
            ),
            Problem::ReversedRange => (
                "het bereik loopt achteruit; schrijf het laagste nummer eerst (1011-1019)".into(),
                "the range runs backwards; put the lower number first (1011-1019)".into(),
            ),
            Problem::OverlappingArea { other } => (
                format!("overlapt met {other} met een andere fractie"),
                format!("overlaps {other} with a different fraction"),
            ),
            Problem::NoInsuredInArea => (
                "er zijn geen verzekerden in het werkgebied; er is niets om naar te verdelen".into(),
                "nobody is insured in the work area; there is nothing to split by".into(),
            ),
            Problem::UnknownValue { allowed } => (
                format!("moet een van {allowed} zijn"),
                format!("must be one of {allowed}"),
            ),
            Problem::NegativeAmount => (
                "mag niet negatief zijn".into(),
                "must not be negative".into(),
            ),
            Problem::PercentOutOfRange => (
                "moet tussen 0 en 100 liggen".into(),
                "must lie between 0 and 100".into(),
            ),
            Problem::NoMainTask => (
                "noem ten minste één RESV-hoofdtaak (1 tot en met 5)".into(),
                "name at least one RESV main task (1 to 5)".into(),
            ),
            Problem::MainTaskOutOfRange => (
                "een hoofdtaak is een geheel getal van 1 tot en met 5".into(),
                "a main task is a whole number from 1 to 5".into(),
            ),
            Problem::OwnTasksOutsideTask4 => (
                "de eigen taken van het wijkverband tellen onder hoofdtaak 4, die deze regel niet noemt".into(),
                "the neighbourhood team's own tasks count under main task 4, which this line does not name".into(),
            ),
            Problem::FundingAboveAmount => (
                "de bestaande financiering is hoger dan het bedrag van de regel".into(),
                "the existing funding is higher than the line's amount".into(),
            ),
            Problem::PercentagesNotHundred { sum } => {
                let (nl, en) = sum.map(percents).unwrap_or_default();
                (
                format!("de percentages tellen op tot {nl}, niet tot 100%"),
                format!("the percentages add up to {en}, not to 100%"),
                )
            }
            Problem::AreaOutsideWorkArea => (
                "dit gebied valt (deels) buiten het werkgebied".into(),
                "this area lies (partly) outside the work area".into(),
            ),
            Problem::NoMunicipality => (
                "er is geen gemeente met inwoners in het gebied van deze regel om het gemeentelijke deel te dragen; geef municipalities op".into(),
                "no municipality with residents in this line's area can carry the municipal part; give municipalities".into(),
            ),
            Problem::SubcontractChain => (
                "alleen het RESV als hoofdaannemer besteedt uit; een uitvoerende zorgaanbieder kan niet verder uitbesteden onder deze prestatie".into(),
                "only the RESV as hoofdaannemer commissions; an executing provider cannot commission further under this prestatie".into(),
            ),
            Problem::SubcontractToSelf { name, kassier: true } => (
                format!("\"{name}\" is de kassier, die het geld namens het RESV ontvangt; een uitbesteding gaat naar een andere zorgaanbieder, niet naar de kassier zelf"),
                format!("\"{name}\" is the kassier, which receives the money on behalf of the RESV; a subcontract goes to another provider, not to the kassier itself"),
            ),
            Problem::SubcontractToSelf { name, kassier: false } => (
                format!("\"{name}\" is de hoofdaannemer zelf; het RESV kan niet aan zichzelf uitbesteden, alleen aan een andere zorgaanbieder"),
                format!("\"{name}\" is the hoofdaannemer itself; the RESV cannot subcontract to itself, only to another provider"),
            ),
            Problem::UnknownLine { id } => (
                format!("er is geen begrotingsregel \"{id}\""),
                format!("there is no budget line \"{id}\""),
            ),
            Problem::TaskOutsideLines { task } => (
                format!("hoofdtaak {task} komt in geen van de gedekte regels voor"),
                format!("main task {task} is in none of the lines covered"),
            ),
            Problem::SubcontractAboveLines { available } => {
                let (nl, en) = moneys(*available);
                (
                format!("is hoger dan het Zvw-deel van wat deze uitbesteding dekt ({nl})"),
                format!("is higher than the Zvw part of what this subcontract covers ({en})"),
                )
            }
            Problem::SubcontractsAboveLines { available } => {
                let (nl, en) = moneys(*available);
                (
                format!("samen met andere uitbestedingen hoger dan het Zvw-deel van wat zij dekken ({nl})"),
                format!("together with other subcontracts higher than the Zvw part of what they cover ({en})"),
                )
            }
            Problem::NotPositive => (
                "moet groter dan nul zijn".into(),
                "must be greater than zero".into(),
            ),
            Problem::ExclusiveWith { other } => (
                format!("kan niet samen met {other} worden gegeven; kies een van beide"),
                format!("cannot be given together with {other}; choose one"),
            ),
            Problem::TableFreed => (
                "deze marktgegevens zijn vrijgegeven (free()); lees ze opnieuw in".into(),
                "this market table was freed (free()); read it again".into(),
            ),
            Problem::Pc6NeedsPopulation => (
                "een schatting met de ingebouwde CBS-bevolking kent alleen PC4-gebieden; geef bevolking per PC6 op".into(),
                "an estimate on the built-in CBS population knows PC4 areas only; give population per PC6".into(),
            ),
            Problem::ReadThrew => (
                "kon niet worden gelezen: het lezen gaf een fout (een getter of proxy die een fout gooit, of een losgekoppelde buffer)".into(),
                "could not be read: reading it threw an error (a getter or proxy that throws, or a detached buffer)".into(),
            ),
            Problem::OutOfMemory => (
                "is te groot om te verwerken: het geheugen van de rekenmodule is op".into(),
                "is too large to process: the calculation module is out of memory".into(),
            ),
            Problem::AmountUnreadable { typed, format: Lang::Nl } => (
                format!("„{typed}” is geen bedrag; schrijf bijvoorbeeld 810.500, 1.250.000,00 of € 1.250.000,- (een punt tussen de duizendtallen, een komma voor de centen)"),
                format!("“{typed}” is not an amount; write for example 810.500, 1.250.000,00 or € 1.250.000,- (a point between the thousands, a comma before the cents, as in Dutch)"),
            ),
            Problem::AmountUnreadable { typed, format: Lang::En } => (
                format!("„{typed}” is geen bedrag; schrijf in het Engels bijvoorbeeld 810,500, 1,250,000.00 of €1,250,000 (een komma tussen de duizendtallen, een punt voor de centen)"),
                format!("“{typed}” is not an amount; write for example 810,500, 1,250,000.00 or €1,250,000 (a comma between the thousands, a point before the cents)"),
            ),
            Problem::PercentUnreadable { typed, format: Lang::Nl } => (
                format!("„{typed}” is geen percentage; schrijf bijvoorbeeld 40, 55,5 of 40% (een komma voor de decimalen)"),
                format!("“{typed}” is not a percentage; write for example 40, 55,5 or 40% (a comma before the decimals, as in Dutch)"),
            ),
            Problem::PercentUnreadable { typed, format: Lang::En } => (
                format!("„{typed}” is geen percentage; schrijf in het Engels bijvoorbeeld 40, 55.5 of 40% (een punt voor de decimalen)"),
                format!("“{typed}” is not a percentage; write for example 40, 55.5 or 40% (a point before the decimals)"),
            ),
        }
    }
}

impl Warning {
    /// The message in `lang`.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn message(&self, lang: Lang) -> String {
        pick(self.texts(), lang)
    }

    /// The Dutch and the English message.
    #[cfg_attr(resv_optimize, optimize(size))]
    pub fn texts(&self) -> (String, String) {
        match self {
            Warning::DuplicateRows { count: 1, example } => (
                format!("1 rij had dezelfde postcode en verzekeraar als een eerdere rij en is opgeteld ({example})"),
                format!("1 row had the same postcode and insurer as an earlier row and was added up ({example})"),
            ),
            Warning::DuplicateRows { count, example } => {
                let (nl, en) = counts(*count);
                (
                format!("{nl} rijen hadden dezelfde postcode en verzekeraar als een eerdere rij en zijn opgeteld (eerste: {example})"),
                format!("{en} rows had the same postcode and insurer as an earlier row and were added up (first: {example})"),
                )
            }
            Warning::IgnoredColumns { names } => {
                let names = names.join(", ");
                (
                format!("kolommen die niet worden gebruikt: {names}"),
                format!("columns not used: {names}"),
                )
            }
            Warning::MixedPostcodeLevels { count: 1, example } => (
                format!("1 PC4-gebied heeft zowel een PC4-rij als PC6-rijen; beide tellen mee ({example})"),
                format!("1 PC4 area has both a PC4 row and PC6 rows; both count ({example})"),
            ),
            Warning::MixedPostcodeLevels { count, example } => {
                let (nl, en) = counts(*count);
                (
                format!("{nl} PC4-gebieden hebben zowel een PC4-rij als PC6-rijen; beide tellen mee (eerste: {example})"),
                format!("{en} PC4 areas have both a PC4 row and PC6 rows; both count (first: {example})"),
                )
            }
            Warning::RowsOutsideArea { count: 1 } => (
                "1 rij valt buiten het werkgebied en telt niet mee".into(),
                "1 row lies outside the work area and does not count".into(),
            ),
            Warning::RowsOutsideArea { count } => {
                let (nl, en) = counts(*count);
                (
                format!("{nl} rijen vallen buiten het werkgebied en tellen niet mee"),
                format!("{en} rows lie outside the work area and do not count"),
                )
            }
            Warning::PostcodesWithoutData { count, examples } => {
                let examples = examples.join(", ");
                let (nl, en) = counts(*count);
                if *count == 1 {
                    (
                    format!("1 postcode van het werkgebied heeft geen marktgegevens: {examples}"),
                    format!("1 work-area postcode has no market data: {examples}"),
                    )
                } else {
                    (
                    format!("{nl} postcodes van het werkgebied hebben geen marktgegevens: {examples}"),
                    format!("{en} work-area postcodes have no market data: {examples}"),
                    )
                }
            }
            Warning::ConcernsUnknown { labels } => {
                let labels = labels.join(", ");
                (
                format!("verdeeld per verzekeraar, want van deze verzekeraars is het concern onbekend: {labels}"),
                format!("allocated per insurer, because the concern of these insurers is unknown: {labels}"),
                )
            }
            Warning::CoAssessmentLikely { party, percent, threshold } => {
                let ((nl, en), (nl_threshold, en_threshold)) = (percents(*percent), percents(*threshold));
                (
                format!("{party} heeft {nl} van de verzekerden (drempel {nl_threshold}): medebeoordeling van het plan is mogelijk (wijs de medebeoordelaar aan met coAssessor)"),
                format!("{party} has {en} of the insured persons (threshold {en_threshold}): co-assessment of the plan is possible (designate the co-assessor with coAssessor)"),
                )
            }
            Warning::Estimated { source } => {
                let (nl_source, en_source) = share_source(*source);
                (
                format!("schatting: marktaandelen per concern ({nl_source}) toegepast op de bevolking per postcode (Bron: CBS), geen echte verzekerdenaantallen"),
                format!("estimate: market shares per concern ({en_source}) applied to population per postcode (source: CBS), not actual insured persons"),
                )
            }
            Warning::DuplicateAreaEntry { other } => (
                format!("staat al in het werkgebied ({other}) en telt één keer"),
                format!("is already in the work area ({other}) and counts once"),
            ),
            Warning::Illustrative => (
                "illustratieve verzekerdenaantallen, afgeleid van landelijke marktaandelen; geen echte gegevens".into(),
                "illustrative insured persons, derived from national market shares; not real data".into(),
            ),
            Warning::PossiblyFundedElsewhere { line, funding } => {
                let (nl_funding, en_funding) = paid_through(*funding);
                (
                format!("regel {line} is monodisciplinair voor een discipline die al {nl_funding} ontvangt; trek die financiering af of licht toe waarom dit aanvullend is"),
                format!("line {line} is monodisciplinary for a discipline already paid through {en_funding}; deduct that funding or explain why this is additional"),
                )
            }
            Warning::YearOutsideExperiment { year } => (
                format!("{year} valt buiten het experiment (2027 tot en met 2031; het eindigt op 1 januari 2032)"),
                format!("{year} lies outside the experiment (2027 to 2031; it ends on 1 January 2032)"),
            ),
            Warning::ContractDiffers { contracted, budget, difference } => {
                let ((c_nl, c_en), (b_nl, b_en), (d_nl, d_en)) = (moneys(*contracted), moneys(*budget), moneys(*difference));
                (
                format!("de gecontracteerde lumpsum ({c_nl}) wijkt af van het Zvw-deel van de begroting ({b_nl}): verschil {d_nl}"),
                format!("the contracted lump sum ({c_en}) differs from the budget's Zvw part ({b_en}): difference {d_en}"),
                )
            }
            Warning::LeaderDiffersFromData { designated, largest } => {
                let designated = designated.join(", ");
                (
                    format!("aangewezen marktleider {designated}; volgens de gegevens heeft {largest} de meeste verzekerden in het werkgebied"),
                    format!("designated market leader {designated}; by the data {largest} has the most insured persons in the work area"),
                )
            }
            Warning::ZonmwEnded { line } => (
                format!("regel {line} trekt ZonMw-subsidie af, maar die loopt tot en met 2026; vanaf 2027 is er geen ZonMw-financiering om af te trekken"),
                format!("line {line} deducts ZonMw subsidy, but that runs until the end of 2026; from 2027 there is no ZonMw funding to deduct"),
            ),
            Warning::NoAgreement => (
                "de onderlinge dienstverlening is doorgerekend, maar wacht op de schriftelijke overeenkomst van het RESV met de zorgverzekeraars voor de prestatie resv-hoofdtaken (beleidsregel BR/REG-27110, artikel 4.1); zonder die overeenkomst kan het RESV niet uitbesteden".into(),
                "the onderlinge dienstverlening is calculated, but pending the RESV's written agreement with the insurers for the prestatie resv-hoofdtaken (policy rule BR/REG-27110, article 4.1); without that agreement the RESV cannot subcontract".into(),
            ),
            Warning::PostcodesWithoutMunicipality { insured } => {
                let (nl, en) = (number_phrase(*insured, Lang::Nl), number_phrase(*insured, Lang::En));
                (
                format!("{nl} verzekerden in het werkgebied wonen in postcodes zonder gemeente; zij tellen niet mee in de gemeentelijke verdeling"),
                format!("{en} insured persons in the work area live in postcodes without a municipality; they do not count in the municipal split"),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::Path;
    use std::collections::HashSet;

    /// One of every problem. `problem_number` has no wildcard arm, so a new variant does not
    /// compile until it is listed here too.
    fn every_problem() -> Vec<Problem> {
        vec![
            Problem::Missing,
            Problem::WrongType {
                expected: Expected::Text,
                found: "\"a\", \"b\"",
            },
            Problem::NumberEmpty,
            Problem::NumberHasWhitespace,
            Problem::NumberHasExponent,
            Problem::NumberHasUnderscore,
            Problem::NumberHasComma,
            Problem::NumberNotFinite,
            Problem::NumberTooManyDigits,
            Problem::NumberMalformed,
            Problem::AmountTooLarge {
                max: Decimal::new(125, 2),
            },
            Problem::NotWholeMinorUnits {
                minor_unit: Decimal::new(125, 2),
            },
            Problem::MinorUnitNotPositive,
            Problem::NoParties,
            Problem::DuplicateId {
                id: "x".into(),
                first: Path::root().key("a"),
            },
            Problem::EmptyId,
            Problem::NegativeWeight,
            Problem::AllWeightsZero,
            Problem::UnknownOption { name: "x".into() },
            Problem::TooManyItems { max: 3 },
            Problem::TooDeeplyNested { max: 3 },
            Problem::WeightsTooPrecise,
            Problem::Unreadable,
            Problem::FileEmpty,
            Problem::FileTooLarge { max: 3 },
            Problem::FileIsSpreadsheet,
            Problem::FileIsBinary,
            Problem::MissingColumn {
                column: "\"a\", \"b\"",
                header: "x".into(),
            },
            Problem::DuplicateColumn {
                column: "\"a\", \"b\"",
            },
            Problem::FieldCount {
                expected: 3,
                found: 3,
            },
            Problem::UnclosedQuote,
            Problem::PostcodeMalformed { found: "x".into() },
            Problem::CountNegative,
            Problem::CountFractional,
            Problem::CountMalformed { found: "x".into() },
            Problem::CountTooLarge { max: 3 },
            Problem::FractionOutOfRange,
            Problem::FractionTooPrecise { max: 6 },
            Problem::TextTooLong { max: 3 },
            Problem::TooManyInsurers { max: 3 },
            Problem::TooManyRows { max: 3 },
            Problem::TooManyProblems { listed: 3 },
            Problem::ConflictingConcern {
                label: "x".into(),
                first: "x".into(),
            },
            Problem::UnknownInsurer { label: "x".into() },
            Problem::EmptyWorkArea,
            Problem::ReversedRange,
            Problem::OverlappingArea {
                other: Path::root().key("a"),
            },
            Problem::NoInsuredInArea,
            Problem::UnknownValue {
                allowed: "\"a\", \"b\"",
            },
            Problem::NegativeAmount,
            Problem::PercentOutOfRange,
            Problem::NoMainTask,
            Problem::MainTaskOutOfRange,
            Problem::OwnTasksOutsideTask4,
            Problem::FundingAboveAmount,
            Problem::PercentagesNotHundred {
                sum: Some(Decimal::ONE),
            },
            Problem::AreaOutsideWorkArea,
            Problem::NoMunicipality,
            Problem::SubcontractChain,
            Problem::UnknownLine { id: "x".into() },
            Problem::TaskOutsideLines { task: 4 },
            Problem::SubcontractAboveLines {
                available: Decimal::new(125, 2),
            },
            Problem::SubcontractsAboveLines {
                available: Decimal::new(125, 2),
            },
            Problem::NotPositive,
            Problem::ExclusiveWith {
                other: Path::root().key("a"),
            },
            Problem::TableFreed,
            Problem::Pc6NeedsPopulation,
            Problem::ReadThrew,
            Problem::OutOfMemory,
            Problem::AmountUnreadable {
                typed: "x".into(),
                format: Lang::En,
            },
            Problem::PercentUnreadable {
                typed: "x".into(),
                format: Lang::En,
            },
            Problem::SubcontractToSelf {
                name: "x".into(),
                kassier: true,
            },
        ]
    }

    fn problem_number(p: &Problem) -> usize {
        match p {
            Problem::Missing => 0,
            Problem::WrongType { .. } => 1,
            Problem::NumberEmpty => 2,
            Problem::NumberHasWhitespace => 3,
            Problem::NumberHasExponent => 4,
            Problem::NumberHasUnderscore => 5,
            Problem::NumberHasComma => 6,
            Problem::NumberNotFinite => 7,
            Problem::NumberTooManyDigits => 8,
            Problem::NumberMalformed => 9,
            Problem::AmountTooLarge { .. } => 10,
            Problem::NotWholeMinorUnits { .. } => 11,
            Problem::MinorUnitNotPositive => 12,
            Problem::NoParties => 13,
            Problem::DuplicateId { .. } => 14,
            Problem::EmptyId => 15,
            Problem::NegativeWeight => 16,
            Problem::AllWeightsZero => 17,
            Problem::UnknownOption { .. } => 18,
            Problem::TooManyItems { .. } => 19,
            Problem::TooDeeplyNested { .. } => 20,
            Problem::WeightsTooPrecise => 21,
            Problem::Unreadable => 22,
            Problem::FileEmpty => 23,
            Problem::FileTooLarge { .. } => 24,
            Problem::FileIsSpreadsheet => 25,
            Problem::FileIsBinary => 26,
            Problem::MissingColumn { .. } => 27,
            Problem::DuplicateColumn { .. } => 28,
            Problem::FieldCount { .. } => 29,
            Problem::UnclosedQuote => 30,
            Problem::PostcodeMalformed { .. } => 31,
            Problem::CountNegative => 32,
            Problem::CountFractional => 33,
            Problem::CountMalformed { .. } => 34,
            Problem::CountTooLarge { .. } => 35,
            Problem::FractionOutOfRange => 36,
            Problem::FractionTooPrecise { .. } => 37,
            Problem::TextTooLong { .. } => 38,
            Problem::TooManyInsurers { .. } => 39,
            Problem::TooManyRows { .. } => 40,
            Problem::TooManyProblems { .. } => 41,
            Problem::ConflictingConcern { .. } => 42,
            Problem::UnknownInsurer { .. } => 43,
            Problem::EmptyWorkArea => 44,
            Problem::ReversedRange => 45,
            Problem::OverlappingArea { .. } => 46,
            Problem::NoInsuredInArea => 47,
            Problem::UnknownValue { .. } => 48,
            Problem::NegativeAmount => 49,
            Problem::PercentOutOfRange => 50,
            Problem::NoMainTask => 51,
            Problem::MainTaskOutOfRange => 52,
            Problem::OwnTasksOutsideTask4 => 53,
            Problem::FundingAboveAmount => 54,
            Problem::PercentagesNotHundred { .. } => 55,
            Problem::AreaOutsideWorkArea => 56,
            Problem::NoMunicipality => 57,
            Problem::SubcontractChain => 58,
            Problem::UnknownLine { .. } => 59,
            Problem::TaskOutsideLines { .. } => 60,
            Problem::SubcontractAboveLines { .. } => 61,
            Problem::SubcontractsAboveLines { .. } => 62,
            Problem::NotPositive => 63,
            Problem::ExclusiveWith { .. } => 64,
            Problem::TableFreed => 65,
            Problem::Pc6NeedsPopulation => 66,
            Problem::ReadThrew => 67,
            Problem::OutOfMemory => 68,
            Problem::AmountUnreadable { .. } => 69,
            Problem::PercentUnreadable { .. } => 70,
            Problem::SubcontractToSelf { .. } => 71,
        }
    }

    /// One of every warning (see [`every_problem`]).
    fn every_warning() -> Vec<Warning> {
        vec![
            Warning::DuplicateRows {
                count: 3,
                example: "x".into(),
            },
            Warning::IgnoredColumns {
                names: vec!["x".into(), "y".into()],
            },
            Warning::MixedPostcodeLevels {
                count: 3,
                example: "x".into(),
            },
            Warning::RowsOutsideArea { count: 3 },
            Warning::PostcodesWithoutData {
                count: 3,
                examples: vec!["x".into(), "y".into()],
            },
            Warning::ConcernsUnknown {
                labels: vec!["x".into(), "y".into()],
            },
            Warning::CoAssessmentLikely {
                party: "x".into(),
                percent: Decimal::new(125, 2),
                threshold: Decimal::new(125, 2),
            },
            Warning::Estimated {
                source: ShareSource::Given,
            },
            Warning::DuplicateAreaEntry {
                other: Path::root().key("a"),
            },
            Warning::Illustrative,
            Warning::PossiblyFundedElsewhere {
                line: "x".into(),
                funding: PaidThrough::DistrictNursingCoordination,
            },
            Warning::YearOutsideExperiment { year: 2035 },
            Warning::ContractDiffers {
                contracted: Decimal::new(125, 2),
                budget: Decimal::new(125, 2),
                difference: Decimal::new(125, 2),
            },
            Warning::LeaderDiffersFromData {
                designated: vec!["x".into(), "y".into()],
                largest: "x".into(),
            },
            Warning::ZonmwEnded { line: "x".into() },
            Warning::NoAgreement,
            Warning::PostcodesWithoutMunicipality {
                insured: Decimal::new(125, 2),
            },
        ]
    }

    fn warning_number(w: &Warning) -> usize {
        match w {
            Warning::DuplicateRows { .. } => 0,
            Warning::IgnoredColumns { .. } => 1,
            Warning::MixedPostcodeLevels { .. } => 2,
            Warning::RowsOutsideArea { .. } => 3,
            Warning::PostcodesWithoutData { .. } => 4,
            Warning::ConcernsUnknown { .. } => 5,
            Warning::CoAssessmentLikely { .. } => 6,
            Warning::Estimated { .. } => 7,
            Warning::DuplicateAreaEntry { .. } => 8,
            Warning::Illustrative => 9,
            Warning::PossiblyFundedElsewhere { .. } => 10,
            Warning::YearOutsideExperiment { .. } => 11,
            Warning::ContractDiffers { .. } => 12,
            Warning::LeaderDiffersFromData { .. } => 13,
            Warning::ZonmwEnded { .. } => 14,
            Warning::NoAgreement => 15,
            Warning::PostcodesWithoutMunicipality { .. } => 16,
        }
    }

    /// Checks a table of (code, Dutch, English): every code unique snake_case, every text
    /// present and different in the two languages.
    fn check(kind: &str, rows: &[(&'static str, String, String)]) {
        let mut codes = HashSet::new();
        for (code, nl, en) in rows {
            assert!(codes.insert(*code), "{kind} code {code} is used twice");
            assert!(
                code.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{kind} code {code} is not snake_case"
            );
            assert!(!nl.trim().is_empty(), "{kind} {code} has no Dutch text");
            assert!(!en.trim().is_empty(), "{kind} {code} has no English text");
            assert_ne!(
                nl, en,
                "{kind} {code}: the Dutch and English texts are the same"
            );
        }
    }

    #[test]
    fn every_problem_has_a_unique_code_and_a_dutch_and_an_english_text() {
        let all = every_problem();
        let numbers: Vec<usize> = all.iter().map(problem_number).collect();
        assert_eq!(
            numbers,
            (0..all.len()).collect::<Vec<_>>(),
            "list each problem once, in order"
        );
        let rows: Vec<_> = all
            .iter()
            .map(|p| {
                let (nl, en) = p.texts();
                (p.code(), nl, en)
            })
            .collect();
        check("problem", &rows);
    }

    #[test]
    fn every_warning_has_a_unique_code_and_a_dutch_and_an_english_text() {
        let all = every_warning();
        let numbers: Vec<usize> = all.iter().map(warning_number).collect();
        assert_eq!(
            numbers,
            (0..all.len()).collect::<Vec<_>>(),
            "list each warning once, in order"
        );
        let rows: Vec<_> = all
            .iter()
            .map(|w| {
                let (nl, en) = w.texts();
                (w.code(), nl, en)
            })
            .collect();
        check("warning", &rows);
    }

    #[test]
    fn a_subcontract_to_itself_names_the_kassier_or_the_hoofdaannemer() {
        let texts = |kassier| {
            Problem::SubcontractToSelf {
                name: "Huisartsenkring".into(),
                kassier,
            }
            .texts()
        };
        let (nl, en) = texts(true);
        assert!(nl.contains("\"Huisartsenkring\" is de kassier"), "{nl}");
        assert!(en.contains("\"Huisartsenkring\" is the kassier"), "{en}");
        let (nl, en) = texts(false);
        assert!(nl.contains("is de hoofdaannemer zelf"), "{nl}");
        assert!(en.contains("is the hoofdaannemer itself"), "{en}");
    }

    #[test]
    fn english_texts_carry_no_dutch_words_of_the_catalogue() {
        // Words that leaked before: the funding names and the estimate's source.
        let w = Warning::PossiblyFundedElsewhere {
            line: "r1".into(),
            funding: PaidThrough::DistrictNursingCoordination,
        };
        assert!(w
            .message(Lang::En)
            .contains("district nursing coordination"));
        assert!(!w.message(Lang::En).contains("coördinatie"));
        let e = Warning::Estimated {
            source: ShareSource::Given,
        };
        assert!(!e.message(Lang::En).contains("opgegeven"));
        assert!(e.message(Lang::Nl).contains("opgegeven"));
        let (nl, en) = kept_label("RESV");
        assert_eq!((nl.as_str(), en.as_str()), ("RESV (zelf)", "RESV (kept)"));
    }
}
