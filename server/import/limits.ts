// The upload limit of the DOCX import, apart from the reader: the route checks it before the body is
// read, without loading the reader (jszip, mammoth), which only the first import loads.

/** Largest upload accepted. */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;
