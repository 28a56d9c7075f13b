/**
 * An incident's `field_visibility` (set by analysts: `title`, `summary`, `date`, `place`, `lat`,
 * `lon`, `figures` …) marks fields internal or restricted. Every public view asks this one function
 * whether it may show them.
 */
export function incidentFieldsPublic(visibility: Record<string, string> | null | undefined, fields: string[]): boolean {
  return fields.every((f) => {
    const v = visibility?.[f];
    return v !== 'internal' && v !== 'restricted';
  });
}
