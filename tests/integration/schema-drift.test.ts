// schema.prisma and prisma/migrations must describe the same database. This database was built
// by applying every migration (tests/support/test-cluster.ts); add a field to the schema without
// a migration, or a column to a migration without the schema, and this fails, naming it.
import { describe, expect, it } from "vitest";
import { readDatamodel, shapeFromDatabase, shapeFromDatamodel } from "../support/schema-shape";

describe("schema drift", () => {
  it("the migrated database matches schema.prisma: tables, columns, types, nullability, defaults, keys, indexes, foreign keys, enums", async () => {
    const expected = shapeFromDatamodel(await readDatamodel());
    const actual = await shapeFromDatabase(process.env.DATABASE_URL ?? "");
    expect(Object.keys(actual.tables).sort()).toEqual(Object.keys(expected.tables).sort());
    expect(actual.enums).toEqual(expected.enums);
    for (const [table, shape] of Object.entries(expected.tables)) {
      expect({ table, ...actual.tables[table] }).toEqual({ table, ...shape });
    }
  });

  it("notices a field declared in the schema but missing from the migrations", async () => {
    const datamodel = await readDatamodel();
    const withKicker = {
      ...datamodel,
      models: datamodel.models.map((model) => {
        const headline = model.fields.find((field) => field.name === "headline");
        return model.name === "Article" && headline ? { ...model, fields: [...model.fields, { ...headline, name: "kicker" }] } : model;
      }),
    };
    const expected = shapeFromDatamodel(withKicker);
    const actual = await shapeFromDatabase(process.env.DATABASE_URL ?? "");
    expect(actual.tables.Article).not.toEqual(expected.tables.Article);
    expect(expected.tables.Article?.columns.kicker).toBeDefined();
    expect(actual.tables.Article?.columns.kicker).toBeUndefined();
  });
});
