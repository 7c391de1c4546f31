/**
 * Speedup reports: a versioned JSON document (report.json) for the comparisons of a run, its
 * conversion from measurements, renderers (terminal tables, Markdown for job summaries, SVG
 * charts, one HTML page), `writeReport` and the comparison of two reports.
 */
export { REPORT_SCHEMA_VERSION, REPORT_KIND, STOP_REASONS, VERDICTS } from './schema.ts';
export type { SpeedupReport, ReportGroup, ReportEntry, ReportSpeedup, ReportScaling, ReportScalingPoint } from './schema.ts';
export { validateReport, parseReport, readReport } from './validate.ts';
export { SpeedupFileError } from './errors.ts';
export type { SpeedupFileProblem } from './errors.ts';
export { groupFromMeasurement, groupFromScalingCurve, scalingFromPoints, scalingFromEntries, createReport, toolVersion } from './convert.ts';
export type { GroupFromMeasurementOptions, ScalingInput, CreateReportOptions } from './convert.ts';
export { formatGroupTable, formatReportTables } from './table.ts';
export { renderMarkdownSummary, renderGroupMarkdown, appendStepSummary, escapeMarkdown } from './markdown.ts';
export { renderSpeedupBarsSvg, renderScalingSvg, BAR_COLOURS } from './svg.ts';
export type { ChartOptions } from './svg.ts';
export { renderReportHtml, renderGroupCharts } from './html.ts';
export type { GroupCharts } from './html.ts';
export { writeReport, groupSlug } from './write.ts';
export type { WriteReportOptions, WrittenReport } from './write.ts';
export { compareReports, formatReportComparison } from './compare.ts';
export type { ReportChange, ReportChangeStatus, ReportComparison } from './compare.ts';
export { writeFileAtomic } from './files.ts';
export { SpeedupReporter, groupsFromTestCases } from './reporter.ts';
export type { SpeedupReporterOptions, TestCaseLike } from './reporter.ts';
