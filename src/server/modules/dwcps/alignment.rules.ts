export type AlignmentLevel = 'fully' | 'partially' | 'not';

/**
 * How far a DWCP priority is reflected in the Cooperation Framework, computed from its CPOs' links
 * (GB.306/TC/1 §6): fully when one of its outcomes is derived from a CF outcome; partially when the
 * link is at output level only; not otherwise.
 */
export function computeAlignment(cpos: { derivation: 'derived' | 'additional'; cfOutputCount: number }[]): AlignmentLevel {
  if (cpos.some((c) => c.derivation === 'derived')) return 'fully';
  if (cpos.some((c) => c.cfOutputCount > 0)) return 'partially';
  return 'not';
}
