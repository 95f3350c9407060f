// Dutch labels for the module's values: one place, shared by the pages and the components.

const KINDS = {
  recommendation: 'Aanbeveling',
  checklist: 'Checklist',
  medication: 'Medicatie',
  referral: 'Verwijzing',
  step: 'Stap',
  concept: 'Begrip',
  role: 'Rol',
  'red-flag': 'Rode vlaggen',
  'risk-factor': 'Risicofactoren',
  instrument: 'Meetinstrument',
  section: 'Achtergrond',
  topic: 'Vergelijking',
};

const POSITIONS = {
  recommended: 'aanbevolen',
  consider: 'overwegen',
  'preferably-not': 'bij voorkeur niet',
  'no-recommendation': 'geen aanbeveling',
  'no-place': 'geen plaats',
  'not-discussed': 'niet besproken',
};

const EDGES = {
  refines: ['Onderdeel van', 'Uitgewerkt in'],
  'derived-from': ['Afgeleid van', 'Hierop gebaseerd'],
  cites: ['Steunt op', 'Aangehaald door'],
  about: ['Gaat over', 'Besproken in'],
  'escalates-to': ['Leidt naar', 'Komt van'],
  'same-topic': ['Zelfde onderwerp, ander document', 'Zelfde onderwerp, ander document'],
  'differs-from': ['Ander standpunt elders', 'Ander standpunt elders'],
  'see-also': ['Zie ook', 'Verwijst hiernaar'],
};

export function kindLabel(kind) {
  return KINDS[kind] ?? kind;
}

export function edgeLabel(edge, outgoing) {
  const [out, incoming] = EDGES[edge] ?? [edge, edge];
  return outgoing ? out : incoming;
}

/** "WOREL §4 aanbeveling 6, p. 29", or nothing for a comparison topic. */
export function citationText(source) {
  return source ? `Bron: ${source.citation}` : '';
}

/**
 * The badges of a hit or node: strength with its direction in words, never colour alone.
 * Each badge has a text and a tone class (for colour).
 */
export function badges(item) {
  const list = [];
  if (item.strength) {
    if (item.strength === 'GPP') {
      list.push({ text: 'GPP · goede praktijk', tone: item.direction === 'against' ? 'against' : 'for' });
    } else {
      const force = item.strength.startsWith('1') ? 'sterk' : 'zwak';
      const direction = item.direction === 'against' ? 'tegen' : 'voor';
      list.push({
        text: `${item.strength} · ${force} ${direction}`,
        tone: item.direction === 'against' ? 'against' : 'for',
      });
    }
  }
  if (item.force) list.push({ text: item.force, tone: 'neutral' });
  if (item.position)
    list.push({
      text: POSITIONS[item.position] ?? item.position,
      tone: item.position === 'preferably-not' || item.position === 'no-place' ? 'against' : 'neutral',
    });
  return list;
}

const AGREEMENTS = {
  agrees: 'stemt overeen',
  partly: 'stemt deels overeen',
  differs: 'wijkt af',
  'not-addressed': 'niet besproken',
};

/** The agreement of one document with the others on a topic, in words. */
export function agreementLabel(agreement) {
  return AGREEMENTS[agreement] ?? agreement;
}

/** The guidance's position on a drug, in Dutch words. */
export function positionLabel(position) {
  return POSITIONS[position] ?? position ?? 'geen standpunt';
}

/** "2B · zwak voor", "GPP · goede praktijk", or null when ungraded. */
export function strengthText(item) {
  if (!item.strength) return null;
  return badges({ strength: item.strength, direction: item.direction })[0]?.text ?? null;
}

/** The kinds a reader can filter on, in the order of the menu. */
export const FILTER_KINDS = [
  'recommendation',
  'checklist',
  'medication',
  'referral',
  'step',
  'concept',
  'red-flag',
  'risk-factor',
  'instrument',
  'role',
  'section',
  'topic',
];

/** Actors of content/vocabulary.toml a clinician may filter on (checked against the module at start). */
export const ACTORS = {
  huisarts: 'huisarts',
  praktijkondersteuner: 'praktijkondersteuner (POH)',
  fysiotherapeut: 'fysiotherapeut',
  oefentherapeut: 'oefentherapeut',
  ergotherapeut: 'ergotherapeut',
  paramedicus: 'paramedicus',
  psycholoog: 'psycholoog',
  apotheker: 'apotheker',
  verpleegkundige: 'verpleegkundige',
  'maatschappelijk-werker': 'maatschappelijk werker',
  bedrijfsarts: 'bedrijfsarts',
  'medisch-specialist': 'medisch specialist',
  revalidatiearts: 'revalidatiearts',
  pijnspecialist: 'pijnspecialist (anesthesioloog)',
  psychiater: 'psychiater',
  geriater: 'geriater',
  'specialist-ouderengeneeskunde': 'specialist ouderengeneeskunde',
  'centrale-zorgverlener': 'centrale zorgverlener',
  zorgverlener: 'elke zorgverlener',
  patient: 'patiënt',
};

export const STEPS = [1, 2, 3, 4];
