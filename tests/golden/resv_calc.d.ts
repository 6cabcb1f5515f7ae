/* tslint:disable */
/* eslint-disable */

/** An amount: a decimal string with "." ("1250000.00", "-12.5"), or a JS number read as String(n) prints it. */
export type MoneyInput = string | number;
/** An amount as returned: a decimal string with at least two decimals ("1250000.00"). */
export type Money = string;
/** One party to split over: `weight` is a non-negative decimal (string or number). */
export interface Weight { id: string; weight: string | number }
export interface AllocateOptions {
    /** The smallest amount handed out, default "0.01" (one cent). */
    minorUnit?: MoneyInput;
}
/** One party's amount, in input order. */
export interface Part { id: string; amount: Money }
/** One problem in an input: `path` points into it ("weights[3].weight"). */
export interface Issue { code: string; path: string; message: string; messageEn: string }
/** What every export throws on invalid input. */
export interface InvalidInputError extends Error { code: "invalid_input"; issues: Issue[] }



/**
 * Splits `total` over the parties in proportion to their weights, exactly to the minor unit
 * (largest remainder; ties to the larger weight, then the earlier party).
 * @param total
 * @param weights
 * @param options
 * @returns one part per party, in input order, summing exactly to total
 */
export function allocate(total: MoneyInput, weights: Weight[], options: AllocateOptions): Part[];

/**
 * The package version.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly allocate: (a: any, b: any, c: number) => [number, number, number];
    readonly version: () => [number, number];
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
