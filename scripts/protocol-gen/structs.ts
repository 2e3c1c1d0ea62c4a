/** Per struct: its interface, and its encoder and decoder functions with tagged-field sections. */
import { covers, type FieldModel, intersect, isEmpty, type MessageModel, type StructModel } from './model';
import { and, defaultExpr, Emitter, type GenContext, isNullable, isOptional, presentRange, readValue, regularRange, taggedWriteCond, tsType, valueExpr, versionCond, writeValue } from './expressions';

function docComment(f: FieldModel, s: StructModel): string | null {
  const present = presentRange(f, s);
  const notes: string[] = [];
  if (!covers(f.versions, s.versions)) notes.push(`v${present.min}${present.max === Infinity || present.max >= s.versions.max ? '+' : `-${present.max}`}`);
  if (!isEmpty(f.tagged)) notes.push(`tag ${f.tag}`);
  const about = (f.about ?? '').replace(/\*\//g, '*\\/').trim();
  const text = [about, notes.length > 0 ? `(${notes.join(', ')})` : ''].filter(Boolean).join(' ');
  return text ? `  /** ${text} */` : null;
}

export function emitInterface(e: Emitter, s: StructModel): void {
  e.line(`export interface ${s.tsName} {`);
  for (const f of s.fields) {
    if (isEmpty(presentRange(f, s))) continue;
    const doc = docComment(f, s);
    if (doc) e.line(doc);
    const type = tsType(f.type) + (isNullable(f, s) ? ' | null' : '');
    e.line(`  ${f.name}${isOptional(f, s) ? '?' : ''}: ${type};`);
  }
  e.line('}');
  e.line();
}

function emitEncoder(e: Emitter, s: StructModel, msg: MessageModel, ctx: GenContext): void {
  const fields = s.fields.filter((f) => !isEmpty(presentRange(f, s)));
  const dataName = fields.length > 0 ? 'd' : '_d';
  e.line(`function encode${s.tsName}(w: Writer, v: number, ${dataName}: ${s.tsName}): void {`);
  for (const f of fields) {
    const regular = regularRange(f, s);
    if (isEmpty(regular)) continue;
    const cond = versionCond(regular, s.versions);
    const compact = versionCond(f.flexible, regular);
    const nullable = versionCond(f.nullable, regular);
    const x = valueExpr(f, s, ctx);
    const stmt = writeValue(f.type, x, compact, nullable, `${s.tsName}.${f.name}`, 'w', ctx);
    e.line(cond === 'true' ? `  ${stmt}` : `  if (${cond}) ${stmt}`);
  }
  const flexCond = versionCond(msg.flexible, s.versions);
  if (flexCond !== 'false') {
    const tagged = fields
      .filter((f) => !isEmpty(intersect(f.tagged, presentRange(f, s))))
      .sort((a, b) => (a.tag ?? 0) - (b.tag ?? 0));
    const indent = flexCond === 'true' ? '  ' : '    ';
    if (flexCond !== 'true') e.line(`  if (${flexCond}) {`);
    if (tagged.length === 0) {
      e.line(`${indent}w.writeUnsignedVarInt(0);`);
    } else {
      ctx.runtime.add('writeTaggedField');
      tagged.forEach((f, i) => {
        const range = intersect(f.tagged, presentRange(f, s));
        const cond = and(versionCond(range, intersect(s.versions, msg.flexible)), taggedWriteCond(f, s, `d.${f.name}`, ctx));
        e.line(`${indent}const tag${i} = ${cond};`);
      });
      e.line(`${indent}w.writeUnsignedVarInt(${tagged.map((_, i) => `(tag${i} ? 1 : 0)`).join(' + ')});`);
      tagged.forEach((f, i) => {
        const x = valueExpr(f, s, ctx);
        const nullable = versionCond(f.nullable, intersect(f.tagged, presentRange(f, s)));
        const stmt = writeValue(f.type, x, 'true', nullable, `${s.tsName}.${f.name}`, 'tw', ctx).replace(/;$/, '');
        e.line(`${indent}if (tag${i}) writeTaggedField(w, ${f.tag}, (tw) => ${stmt});`);
      });
    }
    if (flexCond !== 'true') e.line('  }');
  }
  e.line('}');
  e.line();
}

function emitDecoder(e: Emitter, s: StructModel, msg: MessageModel, ctx: GenContext): void {
  const fields = s.fields.filter((f) => !isEmpty(presentRange(f, s)));
  e.line(`function decode${s.tsName}(r: Reader, v: number): ${s.tsName} {`);
  const flexCond = versionCond(msg.flexible, s.versions);
  const tagged = fields
    .filter((f) => !isEmpty(intersect(f.tagged, presentRange(f, s))))
    .sort((a, b) => (a.tag ?? 0) - (b.tag ?? 0));
  e.line(`  const d: ${s.tsName} = {`);
  for (const f of fields) {
    const regular = regularRange(f, s);
    const def = defaultExpr(f, s, ctx);
    if (isEmpty(regular)) {
      e.line(`    ${f.name}: ${def},`);
      continue;
    }
    const cond = versionCond(regular, s.versions);
    const compact = versionCond(f.flexible, regular);
    const nullable = versionCond(f.nullable, regular);
    const read = readValue(f.type, compact, nullable, 'r', ctx);
    e.line(cond === 'true' ? `    ${f.name}: ${read},` : `    ${f.name}: ${cond} ? ${read} : ${def},`);
  }
  e.line('  };');
  if (flexCond !== 'false') {
    const indent = flexCond === 'true' ? '  ' : '    ';
    if (flexCond !== 'true') e.line(`  if (${flexCond}) {`);
    if (tagged.length === 0) {
      e.line(`${indent}r.readTaggedFields();`);
    } else {
      e.line(`${indent}r.readTaggedFields((tag, tr) => {`);
      e.line(`${indent}  switch (tag) {`);
      for (const f of tagged) {
        const range = intersect(f.tagged, presentRange(f, s));
        const cond = versionCond(range, intersect(s.versions, msg.flexible));
        const nullable = versionCond(f.nullable, range);
        const read = readValue(f.type, 'true', nullable, 'tr', ctx);
        e.line(`${indent}    case ${f.tag}:`);
        if (cond === 'true') {
          e.line(`${indent}      d.${f.name} = ${read};`);
          e.line(`${indent}      return true;`);
        } else {
          e.line(`${indent}      if (!(${cond})) return false;`);
          e.line(`${indent}      d.${f.name} = ${read};`);
          e.line(`${indent}      return true;`);
        }
      }
      e.line(`${indent}    default:`);
      e.line(`${indent}      return false;`);
      e.line(`${indent}  }`);
      e.line(`${indent}});`);
    }
    if (flexCond !== 'true') e.line('  }');
  }
  e.line('  return d;');
  e.line('}');
  e.line();
}

export function emitStructs(body: Emitter, m: MessageModel, ctx: GenContext): void {
  for (const s of [m.root, ...m.structs]) {
    emitEncoder(body, s, m, ctx);
    emitDecoder(body, s, m, ctx);
  }
}
