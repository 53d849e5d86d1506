// Checks of a SARIF 2.1.0 log against what the standard requires and what GitHub code scanning
// reads (docs.github.com: "SARIF support for code scanning"). No schema package ships on npm here,
// so the required properties are written out. Returns the problems found (none = valid).
const LEVELS = ['none', 'note', 'warning', 'error'];
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosInt = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;

export function sarifProblems(log: unknown): string[] {
  const p: string[] = [];
  if (!isObj(log)) return ['log is not an object'];
  if (log.version !== '2.1.0') p.push('version must be "2.1.0"');
  if (!Array.isArray(log.runs) || log.runs.length === 0) return [...p, 'runs must be a non-empty array'];
  log.runs.forEach((run: unknown, r) => {
    if (!isObj(run)) return p.push(`runs[${r}] is not an object`);
    const driver = isObj(run.tool) ? run.tool.driver : undefined;
    if (!isObj(driver) || typeof driver.name !== 'string' || !driver.name) return p.push(`runs[${r}].tool.driver.name is required`);
    const rules = Array.isArray(driver.rules) ? driver.rules : [];
    const ids = new Set<string>();
    rules.forEach((rule: unknown, i) => {
      const at = `runs[${r}].tool.driver.rules[${i}]`;
      if (!isObj(rule) || typeof rule.id !== 'string' || !rule.id) return p.push(`${at}.id is required`);
      if (ids.has(rule.id)) p.push(`${at}.id ${rule.id} is not unique`);
      ids.add(rule.id);
      for (const k of ['shortDescription', 'fullDescription', 'help']) {
        if (rule[k] !== undefined && !(isObj(rule[k]) && typeof rule[k].text === 'string' && rule[k].text)) p.push(`${at}.${k}.text must be a non-empty string`);
      }
      if (rule.helpUri !== undefined && !(typeof rule.helpUri === 'string' && URL.canParse(rule.helpUri))) p.push(`${at}.helpUri must be an absolute URI`);
      const level = isObj(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined;
      if (level !== undefined && !LEVELS.includes(level as string)) p.push(`${at}.defaultConfiguration.level ${String(level)}`);
      if (rule.properties !== undefined && !isObj(rule.properties)) p.push(`${at}.properties must be an object`);
    });
    if (run.columnKind !== undefined && !['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind as string)) p.push(`runs[${r}].columnKind`);
    if (!Array.isArray(run.results)) return p.push(`runs[${r}].results must be an array`);
    run.results.forEach((res: unknown, i) => {
      const at = `runs[${r}].results[${i}]`;
      if (!isObj(res)) return p.push(`${at} is not an object`);
      if (typeof res.ruleId !== 'string' || !ids.has(res.ruleId)) p.push(`${at}.ruleId must name a rule of the driver`);
      if (res.ruleIndex !== undefined && (rules[res.ruleIndex as number] as { id?: string } | undefined)?.id !== res.ruleId) p.push(`${at}.ruleIndex does not point at ${String(res.ruleId)}`);
      if (res.level !== undefined && !LEVELS.includes(res.level as string)) p.push(`${at}.level ${String(res.level)}`);
      if (!isObj(res.message) || typeof res.message.text !== 'string' || !res.message.text) p.push(`${at}.message.text is required`);
      // GitHub needs at least one location with a file and a start line.
      const locs = Array.isArray(res.locations) ? res.locations : [];
      if (!locs.length) p.push(`${at}.locations must hold a location`);
      locs.forEach((loc: unknown, l) => {
        const phys = isObj(loc) ? loc.physicalLocation : undefined;
        const art = isObj(phys) ? phys.artifactLocation : undefined;
        const region = isObj(phys) ? phys.region : undefined;
        const where = `${at}.locations[${l}].physicalLocation`;
        if (!isObj(art) || typeof art.uri !== 'string' || !art.uri || /[\s\\]/.test(art.uri)) p.push(`${where}.artifactLocation.uri must be a URI`);
        if (!isObj(region) || !isPosInt(region.startLine)) return p.push(`${where}.region.startLine must be an integer >= 1`);
        for (const k of ['startColumn', 'endLine', 'endColumn']) if (region[k] !== undefined && !isPosInt(region[k])) p.push(`${where}.region.${k} must be an integer >= 1`);
        if (region.endLine !== undefined && (region.endLine as number) < (region.startLine as number)) p.push(`${where}.region ends before it starts`);
      });
      if (res.properties !== undefined && !isObj(res.properties)) p.push(`${at}.properties must be an object`);
    });
  });
  return p;
}
