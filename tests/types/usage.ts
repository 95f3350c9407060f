// Calls every export of the package with its documented argument types and reads its result
// through the declared types, so `tsc --noEmit --strict` (run by the test command) fails when
// pkg/pijnwijzer.d.ts declares a type twice, drops a field, or types a call wrongly. Nothing
// here runs; the Node tests check the same calls' values.
import init, {
  initSync,
  version,
  vocabulary,
  search,
  unknownWords,
  suggest,
  suggestQuestions,
  prepareSearch,
  node,
  related,
  checklists,
  checklist,
  medications,
  medication,
  referralMatrix,
  referral,
  referralsTo,
  steppedCare,
  redFlags,
  compare,
  lay,
  releases,
  changes,
  exportFhir,
} from '../../pkg/pijnwijzer.js';
import type {
  Agreement,
  Changes,
  Checklist,
  ChecklistGroup,
  ChecklistSummary,
  Comparison,
  ComparisonView,
  Criterion,
  Direction,
  DocumentPosition,
  EdgeType,
  FhirBundle,
  FhirEntry,
  FhirOptions,
  FieldChange,
  Item,
  KnowledgeNode,
  Lay,
  Layer,
  Medication,
  MedicationSummary,
  NodeChange,
  NodeLink,
  NodeRef,
  PijnwijzerError,
  Position,
  QuestionSuggestion,
  Readability,
  RedFlags,
  ReleaseRef,
  ReleaseSummary,
  ReferralMatrix,
  ReferralRow,
  SearchHit,
  SearchOptions,
  SourceRef,
  Step,
  Strength,
  Text,
  VersionInfo,
  Vocabulary,
} from '../../pkg/pijnwijzer.js';

/** `true` only when A and B are the same set of keys. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// An interface declared twice is merged silently by TypeScript; these fail if that happens again.
export const comparisonKeys: SameKeys<keyof Comparison, 'id' | 'title' | 'intro' | 'documents'> = true;
export const comparisonViewKeys: SameKeys<keyof ComparisonView, 'document' | 'agreement' | 'nodes' | 'point'> = true;

export async function everyCall(wasm: ArrayBuffer): Promise<void> {
  await init();
  await init({ module_or_path: new URL('pijnwijzer_bg.wasm', 'https://example.org/') });
  initSync({ module: wasm });

  const info: VersionInfo = version();
  const vocabularies: Vocabulary = vocabulary();
  const labels: [string, string, number, string, string] = [
    vocabularies.kinds[0].label,
    vocabularies.actors[0].label,
    vocabularies.steps[0],
    vocabularies.edges[0].incoming,
    vocabularies.documents[0].short,
  ];
  const documentIds: string[] = info.documents.map((d) => `${d.id} ${d.short} ${d.title} ${d.version} ${d.country}`);
  const counts: [string, string, number] = [info.module, info.content, info.nodes];
  const contentVersion: [string, string] = [info.contentVersion, info.built];

  // Releases, newest first, and what changed since one (until another, or the module's content).
  const known: ReleaseSummary[] = releases();
  const release: [string, string, string, string | null, number, number, number, number] = [
    known[0].name,
    known[0].date,
    known[0].content,
    known[0].previous,
    known[0].nodes,
    known[0].added,
    known[0].removed,
    known[0].changed,
  ];
  const since: Changes = changes(known[0].name);
  const between: Changes = changes('2026.12.05', known[0].name);
  const ends: [ReleaseRef, ReleaseRef] = [between.since, between.until];
  const changedNodes: NodeChange[] = [...since.added, ...since.removed, ...since.changed];
  const changedFields: [string, string, string | null, string | null, FieldChange[]][] = changedNodes.map((n) => [
    n.id,
    n.title,
    n.layTitle,
    n.digest,
    n.fields,
  ]);
  // A field is a tagged union: the short fields carry their old and new values, typed.
  const described: string[] = changedNodes
    .flatMap((n) => n.fields)
    .map((field) => {
      switch (field.field) {
        case 'strength': {
          const values: [Strength | null, Strength | null] = [field.from, field.to];
          return values.join(' → ');
        }
        case 'position': {
          const values: [Position | null, Position | null] = [field.from, field.to];
          return values.join(' → ');
        }
        case 'layTitle':
          return `${field.from} → ${field.to}`;
        default:
          return field.field;
      }
    });

  const options: SearchOptions = {
    limit: 5,
    audience: 'patient',
    document: ['worel'],
    kind: 'recommendation',
    actor: 'huisarts',
    step: [1, 2],
    prefix: true,
  };
  const hits: SearchHit[] = search('rode vlaggen', options);
  const plain: SearchHit[] = search('rode vlaggen');
  const unknown: string[] = unknownWords('welk matras bij rugpijn', options);
  const unknownPlain: string[] = unknownWords('matras');
  const [hit] = hits;
  const hitFields: [
    string,
    string,
    number,
    Strength | null,
    Direction | null,
    string[],
    string | null,
    NodeRef | null,
  ] = [hit.id, hit.snippet, hit.score, hit.strength, hit.direction, hit.covers, hit.layTitle, hit.gradedBy];
  const source: SourceRef | null = hit.source;
  if (source) {
    const where: [string, string, string | null, number, number | null, [number, number], string] = [
      source.document,
      source.section,
      source.label,
      source.page,
      source.pageEnd,
      source.lines,
      source.citation,
    ];
    void where;
  }
  const prepared: boolean = prepareSearch();
  const preparedInPart: boolean = prepareSearch(8);
  void [prepared, preparedInPart];
  const words: string[] = suggest('pijned', 3);
  const moreWords: string[] = suggest('pijn');
  const offered: QuestionSuggestion[] = suggestQuestions('mag ik blijven bew', 5);
  const offeredFields: [string, string, string] = [offered[0].question, offered[0].id, offered[0].title];
  const nodeQuestions: string[] = node('worel.beweging.advies').questions;

  const whole: KnowledgeNode = node('worel.alg.rodevlaggen');
  const layTitle: string | null = whole.layTitle;
  const stored: [string, ReleaseRef | null] = [whole.digest, whole.changedIn];
  const layers: Layer[] = whole.layers;
  const layerText: string[] = layers.map((l) => `${l.key} ${l.title} ${l.html} ${l.text}`);
  const links: NodeLink[] = whole.links;
  const linkLayTitle: string | null = links[0].layTitle;
  const linkFields: [string, string, boolean][] = links.map((l) => [l.id, l.edge, l.outgoing]);
  // A node's comparison entries name their nodes by id; compare() gives the full topic.
  const entries: ComparisonView[] = whole.compare;
  const entry: [string, Agreement, string[], string] = [
    entries[0].document,
    entries[0].agreement,
    entries[0].nodes,
    entries[0].point,
  ];
  const nodeFields: [Position | null, number | null, number[], string[], string[]] = [
    whole.position,
    whole.step,
    whole.steps,
    whole.aliases,
    whole.actors.map((a) => a.label),
  ];

  const edge: EdgeType = 'refines';
  const neighbours: NodeLink[] = related('worel.alg.rodevlaggen', edge);
  const allNeighbours: NodeLink[] = related('worel.alg.rodevlaggen');

  const lists: ChecklistSummary[] = checklists();
  const list: Checklist = checklist(lists[0].id);
  const items: Item[] = list.items;
  const origin: NodeRef | null = items[0].origin;
  const intro: Text = list.intro;
  const listLay: Text | null = list.lay;
  const groups: ChecklistGroup[] = list.groups;
  const group: [string, number] = [groups[0].title, groups[0].first];
  const originLayTitle: string | null | undefined = origin?.layTitle;

  const drugs: MedicationSummary[] = medications();
  const drug: Medication = medication('Lyrica');
  const drugFields: [NodeRef | null, NodeRef | null, NodeRef[], NodeRef[], Text | null] = [
    drug.gradedBy,
    drug.class,
    drug.members,
    drug.generalRules,
    drug.cautions,
  ];
  const drugClass: string | null = drugs[0].class;

  const matrix: ReferralMatrix = referralMatrix();
  const row: ReferralRow = referral('1');
  const rowFields: [string, boolean[], string[]] = [row.complaint, row.cells, row.disciplines];
  const complaints: string[] = referralsTo('Psycholoog');

  const steps: Step[] = steppedCare();
  const stepFields: [number, Item[], Item[], Item[], Criterion[], Criterion[], string | null, Text | null] = [
    steps[0].step,
    steps[0].when,
    steps[0].providers,
    steps[0].buildingBlocks,
    steps[0].moveUp,
    steps[0].moveDown,
    steps[0].layTitle,
    steps[0].lay,
  ];
  // A criterion carries the short label the diagram draws.
  const criterion: Criterion = steps[1].moveUp[0];
  const criterionFields: [string, string, string, NodeRef | null] = [
    criterion.label,
    criterion.html,
    criterion.text,
    criterion.origin,
  ];

  const flags: RedFlags = redFlags();
  const flagItems: Item[] = flags.red[0].flags;

  const comparison: Comparison = compare('pijneducatie');
  const positions: DocumentPosition[] = comparison.documents;
  const positionFields: [string, string, Agreement, string, NodeRef[]] = [
    positions[0].document,
    positions[0].short,
    positions[0].agreement,
    positions[0].point,
    positions[0].nodes,
  ];
  const topicIntro: Text = comparison.intro;

  try {
    node('worel.alg.rodevlagen');
  } catch (thrown) {
    const error = thrown as PijnwijzerError;
    const code: 'not-found' | 'invalid-argument' | 'unavailable' | 'internal' = error.code;
    const close: string[] = error.suggestions;
    void [code, close, error.message];
  }
  const explanation: Lay = lay('worel.alg.rodevlaggen');
  const answered: string[] = explanation.questions;
  void answered;
  const readability: Readability | null = explanation.readability;
  const nodeReadability: Readability | null = whole.readability;
  const measures: [number, number, number, number, number, number] | null = readability
    ? [
        readability.sentences,
        readability.words,
        readability.syllables,
        readability.wordsPerSentence,
        readability.longestSentence,
        readability.fleschDouma,
      ]
    : null;
  const layFields: [string, string, string, string, string | null] = [
    explanation.id,
    explanation.title,
    explanation.html,
    explanation.text,
    explanation.citation,
  ];

  void [
    contentVersion,
    release,
    ends,
    changedFields,
    described,
    stored,
    layTitle,
    labels,
    documentIds,
    counts,
    plain,
    unknown,
    unknownPlain,
    hitFields,
    words,
    moreWords,
    offeredFields,
    nodeQuestions,
    layerText,
    linkFields,
    entry,
    nodeFields,
    neighbours,
    allNeighbours,
    origin,
    intro,
    listLay,
    group,
    originLayTitle,
    drugFields,
    linkLayTitle,
    drug.layTitle,
    drugClass,
    matrix,
    rowFields,
    complaints,
    stepFields,
    criterion,
    criterionFields,
    flagItems,
    positionFields,
    topicIntro,
    layFields,
    nodeReadability,
    measures,
  ];
}

/** exportFhir(): the whole guidance as a FHIR R4B Bundle, with and without its options. */
export function fhirExport(): string[] {
  const bundle: FhirBundle = exportFhir();
  const options: FhirOptions = { base: 'https://example.org/fhir', date: '2026-12-05' };
  const dated: FhirBundle = exportFhir(options);
  const onlyDate: FhirBundle = exportFhir({ date: '2026-12-05' });
  const first: FhirEntry = dated.entry[0];
  const collection: 'collection' = bundle.type;
  const kind: 'Bundle' = onlyDate.resourceType;
  const resourceType: string = first.resource.resourceType;
  const element: unknown = first.resource.url;
  return [collection, kind, bundle.id, dated.identifier.value, first.fullUrl, resourceType, String(element)];
}
