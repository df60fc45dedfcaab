/**
 * Where the default figures come from, written once. The reference documents
 * sit beside the repository (../shared/reference/ from its root); a figure
 * names the section it is taken from.
 */
export const SYLLABUS_CACHING = '../shared/reference/SYLLABUS.md, section 1 "Caching"';
export const SCENARIOS_FLASH_SALE = '../shared/reference/SCENARIOS.md, section 3 "Flash sale with a virtual queue"';

export const ASSUMED_VM = 'assumption: a 2 vCPU / 4 GB cloud VM lists at ~$0.096/h, about $70 a month';
export const ONE_HOP = 'assumption: one network hop inside a data centre';

/** A figure that is zero unless the model sets it. */
export const assumedZero = (what: string) => ({ value: 0, source: `assumption: ${what}` });
export const NO_ERRORS = assumedZero('no errors unless set');
