// Worker-thread entry for corpus indexing (filled in by the corpus index work).
export {};
