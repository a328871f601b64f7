/**
 * Choosing a new target that is one of the features: the target leaves the
 * features (a model cannot predict a column from itself). If that would leave
 * no feature, the old target takes its place when it can be a feature.
 */
export function retarget(
  current: { target?: string; features?: string[] },
  target: string,
  featureColumns: string[],
): { target: string; features: string[] | undefined } {
  const features = current.features;
  if (!features?.includes(target)) return { target, features };
  const rest = features.filter((f) => f !== target);
  if (rest.length === 0 && current.target && featureColumns.includes(current.target)) rest.push(current.target);
  return { target, features: rest };
}
