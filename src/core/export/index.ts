// Export formats: pure functions from analyses and sidecars to text (and the Web Annotation importer).
export * from './input';
export { exportJsonBundle, buildBundle, readJsonBundle, BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle, type BundleDocument } from './jsonBundle';
export { exportAnnotationsCsv, exportClaimsCsv, annotationRows, claimCsvRows, ANNOTATION_COLUMNS, CLAIM_COLUMNS, type CsvOptions } from './csv';
export { exportMarkdownReport, reportBlocks, type ReportOptions, type ReportBlock } from './markdownReport';
export { exportHtmlReport } from './htmlReport';
export { exportWebAnnotations, buildWebAnnotationCollection, type WebAnnotationOptions } from './webAnnotation';
export { importWebAnnotations, type ImportOptions, type ImportResult } from './webAnnotationImport';
export { exportClaimReview, buildClaimReviews, VERDICT_RATING, BEST_RATING, WORST_RATING } from './claimReview';
export { claimRows, placedAnnotations, type ClaimRow, type Placed } from './claimRows';
