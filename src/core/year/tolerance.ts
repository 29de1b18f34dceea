/** The tolerance when none is given, in öre: 1 kr, so that rounding by a few öre is no deviation. */
export const DEFAULT_TOLERANCE = 100n;
