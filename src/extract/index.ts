/** Claim extraction: public surface of src/extract. */
export { extractClaims, inferPublished, MAX_CLAIMS } from './extract.ts';
export { chromeRanges, mainTextRange } from './chrome.ts';
export { parsePublished, hijriToUtc } from './dates-ar.ts';
export { normalise, norm } from './normalise.ts';
export type { Claim, ExtractOptions, ExtractResult, Party, Period, PlaceMatch, PlaceRef } from './types.ts';
