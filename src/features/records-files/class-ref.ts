export interface ClassRef {
  id: number;
  name: string;
  code: string;
}

/** The classes a file or an operator names: by code (any case) first, else by exact name; several across branches are possible. */
export function classesNamed<C extends ClassRef>(classes: readonly C[], ref: string): C[] {
  const byCode = classes.filter((c) => c.code.toLowerCase() === ref.toLowerCase());
  return byCode.length > 0 ? byCode : classes.filter((c) => c.name === ref);
}
