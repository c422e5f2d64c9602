/**
 * Reads of the engine's typed arrays at an index in range by construction (a journey's touch, an account's slot, a
 * loop bound by the array's length): the value is then a number, which `noUncheckedIndexedAccess` cannot know. An
 * index that may be out of range is read with `array[index] ?? fallback` instead.
 *
 * One function per kind of array rather than one for all: V8 records the kinds of array each read has seen, shared by
 * every caller of the function, and a read that has seen Int32Array, Float64Array and Uint8Array loses its direct
 * load and its integer result (through one shared reader the 1M-touch bench ran Shapley twice and Markov 1.5 times
 * slower). A call still costs a little in the tightest loops: Markov's elimination step reads its arrays directly.
 * A Node Buffer type-checks as a Uint8Array but is another kind to V8: read it by its index.
 */
export function int32At(array: Int32Array, index: number): number {
  return array[index] as number;
}

export function float64At(array: Float64Array, index: number): number {
  return array[index] as number;
}

export function uint8At(array: Uint8Array, index: number): number {
  return array[index] as number;
}

export function int8At(array: Int8Array, index: number): number {
  return array[index] as number;
}
