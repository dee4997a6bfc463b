// A document worker whose parser never returns: a synchronous loop, as a stuck SheetJS or word-extractor would be.
export default function neverEnds() {
  for (;;) {
    // spin
  }
}
