/** Timelines: how busy the lanes of a run were, and a picture of it. */
export { utilisation, summariseTimeline, compareLanes, groupByLane } from './utilisation.ts';
export type { LaneSummary, TimelineSummary, UtilisationOptions } from './utilisation.ts';
export { renderTimelineSvg, escapeXml, TIMELINE_COLOURS } from './svg.ts';
export type { TimelineSvgOptions } from './svg.ts';
