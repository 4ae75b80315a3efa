/** Lines of a page that are no text: its address, a cut marked by the copier. */
export const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;
export const CUT = /^\[(?:TRUNCATED|gekürzt|\.\.\.|…)\]$/i;
