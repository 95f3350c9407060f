import flexsearch from './flexsearch.mjs';
import lunr from './lunr.mjs';
import minisearch from './minisearch.mjs';
import pijnwijzer from './pijnwijzer.mjs';

/** The engines, by the key the command line and the cold-start child use. */
export const ENGINES = { pijnwijzer, minisearch, flexsearch, lunr };
