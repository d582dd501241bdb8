// Vite's `?url` import of pdf.js's worker (client/preview/pdfjs.ts): the URL of the emitted file.
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
