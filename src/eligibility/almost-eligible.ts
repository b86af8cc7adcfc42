// "Almost eligible": every condition the dossier fails is a time or conduct threshold that will be met on a known
// day if custody and conduct continue; the dossier qualifies on the last of those days.
export function almostEligibleOn(
  result: { failingRuleIds?: unknown; almostEligible?: unknown } | null | undefined,
): string | null {
  const failing = Array.isArray(result?.failingRuleIds) ? (result!.failingRuleIds as string[]) : [];
  const dated = Array.isArray(result?.almostEligible)
    ? (result!.almostEligible as { ruleId: string; metOn: string | null }[])
    : [];
  if (failing.length === 0) return null;
  const days = failing.map((id) => dated.find((a) => a.ruleId === id)?.metOn ?? null);
  if (days.some((d) => !d)) return null;
  return (days as string[]).sort()[days.length - 1];
}
