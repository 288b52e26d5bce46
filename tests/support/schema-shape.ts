// Two views of the same database schema in one comparable form: what schema.prisma declares
// (from Prisma's own DMMF) and what a database built from the migrations really has (from the
// PostgreSQL catalog). The drift test compares them.
import { readFile } from "node:fs/promises";
import path from "node:path";
import internals from "@prisma/internals";
import pg from "pg";

interface TableShape {
  columns: Record<string, { type: string; nullable: boolean; hasDefault: boolean }>;
  /** "UNIQUE name(col, col DESC)" or "INDEX name(...)" or "PRIMARY name(...)" */
  indexes: string[];
  /** "name: (cols) -> Table(cols) ON DELETE x ON UPDATE y" */
  foreignKeys: string[];
}

export interface SchemaShape {
  enums: Record<string, string[]>;
  tables: Record<string, TableShape>;
}

type Datamodel = Awaited<ReturnType<typeof internals.getDMMF>>["datamodel"];

export async function readDatamodel(schemaPath = path.join(process.cwd(), "prisma/schema.prisma")): Promise<Datamodel> {
  const dmmf = await internals.getDMMF({ datamodel: await readFile(schemaPath, "utf8") });
  return dmmf.datamodel;
}

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Float: "double precision",
  Bytes: "bytea",
};

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  SetNull: "SET NULL",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetDefault: "SET DEFAULT",
};

const quoteIfNeeded = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name}"`);

/** The shape schema.prisma promises, with Prisma's default names for keys, indexes and constraints. */
export function shapeFromDatamodel(datamodel: Datamodel): SchemaShape {
  const enumNames = new Set(datamodel.enums.map((e) => e.name));
  const tableName = (model: string) => datamodel.models.find((m) => m.name === model)?.dbName ?? model;
  const shape: SchemaShape = {
    enums: Object.fromEntries(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)])),
    tables: {},
  };

  for (const model of datamodel.models) {
    const table = model.dbName ?? model.name;
    const columnOf = (field: string) => model.fields.find((f) => f.name === field)?.dbName ?? field;
    const columns: TableShape["columns"] = {};
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      if (field.nativeType) throw new Error(`schema-shape: add a mapping for native type ${field.nativeType[0]} (${model.name}.${field.name})`);
      const base = field.kind === "enum" || enumNames.has(field.type) ? quoteIfNeeded(field.type) : SCALAR_TYPES[field.type];
      if (!base) throw new Error(`schema-shape: add a mapping for type ${field.type}`);
      const defaultValue = field.default as { name?: string } | string | number | boolean | undefined;
      // cuid() and uuid() are filled in by the Prisma client, not by the database.
      const clientSideDefault = typeof defaultValue === "object" && (defaultValue.name === "cuid" || defaultValue.name === "uuid");
      columns[field.dbName ?? field.name] = {
        type: field.isList ? `${base}[]` : base,
        // Prisma creates scalar lists without NOT NULL.
        nullable: field.isList || !field.isRequired,
        hasDefault: defaultValue !== undefined && !clientSideDefault,
      };
    }

    const indexes: string[] = [];
    for (const index of datamodel.indexes.filter((i) => i.model === model.name)) {
      const cols = index.fields.map((f) => `${columnOf(f.name)}${f.sortOrder === "desc" ? " DESC" : ""}`);
      const plainCols = index.fields.map((f) => columnOf(f.name));
      if (index.type === "id") {
        indexes.push(`PRIMARY ${index.dbName ?? `${table}_pkey`}(${cols.join(", ")})`);
      } else if (index.type === "unique") {
        indexes.push(`UNIQUE ${index.dbName ?? `${table}_${plainCols.join("_")}_key`}(${cols.join(", ")})`);
      } else if (index.type === "normal") {
        // B-tree is the default; other methods (GIN for the search tokens) are part of the shape.
        const method = (index as { algorithm?: string }).algorithm;
        const using = method && method !== "BTree" ? ` USING ${method.toLowerCase()}` : "";
        indexes.push(`INDEX ${index.dbName ?? `${table}_${plainCols.join("_")}_idx`}(${cols.join(", ")})${using}`);
      } else {
        throw new Error(`schema-shape: index type ${index.type} is not handled`);
      }
    }

    const foreignKeys: string[] = [];
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const from = field.relationFromFields.map(columnOf);
      const to = (field.relationToFields ?? []).map((name) => datamodel.models.find((m) => m.name === field.type)?.fields.find((f) => f.name === name)?.dbName ?? name);
      const onDelete = REFERENTIAL_ACTIONS[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")];
      const onUpdate = REFERENTIAL_ACTIONS[(field as { relationOnUpdate?: string }).relationOnUpdate ?? "Cascade"];
      foreignKeys.push(`${table}_${from.join("_")}_fkey: (${from.join(", ")}) -> ${tableName(field.type)}(${to.join(", ")}) ON DELETE ${onDelete} ON UPDATE ${onUpdate}`);
    }

    shape.tables[table] = { columns, indexes: indexes.sort(), foreignKeys: foreignKeys.sort() };
  }
  return shape;
}

const ACTION_CODES: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

/** The shape a real database has, read from the PostgreSQL catalog (schema `public`). */
export async function shapeFromDatabase(connectionString: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const shape: SchemaShape = { enums: {}, tables: {} };
    const enums = await client.query<{ name: string; value: string }>(`
      SELECT t.typname AS name, e.enumlabel AS value
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`);
    for (const row of enums.rows) (shape.enums[row.name] ??= []).push(row.value);

    const columns = await client.query<{ table: string; column: string; type: string; notnull: boolean; hasdefault: boolean }>(`
      SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS notnull, a.atthasdef AS hasdefault
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname, a.attnum`);
    const tableOf = (name: string) => (shape.tables[name] ??= { columns: {}, indexes: [], foreignKeys: [] });
    for (const row of columns.rows) {
      tableOf(row.table).columns[row.column] = { type: row.type, nullable: !row.notnull, hasDefault: row.hasdefault };
    }

    const indexes = await client.query<{ table: string; name: string; primary: boolean; unique: boolean; method: string; columns: string[] }>(`
      SELECT t.relname AS table, i.relname AS name, x.indisprimary AS primary, x.indisunique AS unique,
             (SELECT am.amname FROM pg_am am WHERE am.oid = i.relam) AS method,
             ARRAY(
               SELECT a.attname || CASE WHEN (x.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END
               FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
               ORDER BY k.ord
             ) AS columns
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`);
    for (const row of indexes.rows) {
      const kind = row.primary ? "PRIMARY" : row.unique ? "UNIQUE" : "INDEX";
      const using = row.method === "btree" ? "" : ` USING ${row.method}`;
      tableOf(row.table).indexes.push(`${kind} ${row.name}(${row.columns.join(", ")})${using}`);
    }

    const foreignKeys = await client.query<{ table: string; name: string; columns: string[]; target: string; target_columns: string[]; on_delete: string; on_update: string }>(`
      SELECT t.relname AS table, c.conname AS name,
             ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
             r.relname AS target,
             ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS target_columns,
             c.confdeltype AS on_delete, c.confupdtype AS on_update
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`);
    for (const row of foreignKeys.rows) {
      tableOf(row.table).foreignKeys.push(
        `${row.name}: (${row.columns.join(", ")}) -> ${row.target}(${row.target_columns.join(", ")}) ON DELETE ${ACTION_CODES[row.on_delete]} ON UPDATE ${ACTION_CODES[row.on_update]}`,
      );
    }
    for (const table of Object.values(shape.tables)) {
      table.indexes.sort();
      table.foreignKeys.sort();
    }
    return shape;
  } finally {
    await client.end();
  }
}
