/** The routes of a running server, read from its OpenAPI document, so new routes are fuzzed without listing them here. */

export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  nullable?: boolean;
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Route {
  method: string;
  /** e.g. `/api/patients/{id}` */
  path: string;
  pathParams: OpenApiParameter[];
  queryParams: OpenApiParameter[];
  /** The request body schema with `$ref`s resolved, if the route takes a JSON body. */
  body?: JsonSchema;
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'];

/** Inlines `$ref`s and merges `allOf` (to a small depth: DTOs nest only a few levels). */
export function resolveSchema(doc: OpenApiDocument, schema: JsonSchema | undefined, depth = 0): JsonSchema | undefined {
  if (!schema || depth > 8) return schema;
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolveSchema(doc, doc.components?.schemas?.[name], depth + 1);
  }
  const resolved: JsonSchema = { ...schema };
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolveSchema(doc, part, depth + 1) ?? {});
    resolved.properties = Object.assign({}, ...parts.map((part) => part.properties ?? {}), schema.properties ?? {});
    resolved.required = parts.flatMap((part) => part.required ?? []).concat(schema.required ?? []);
    resolved.type = 'object';
    delete resolved.allOf;
  }
  if (resolved.properties) {
    resolved.properties = Object.fromEntries(
      Object.entries(resolved.properties).map(([key, value]) => [key, resolveSchema(doc, value, depth + 1) ?? {}]),
    );
  }
  if (resolved.items) resolved.items = resolveSchema(doc, resolved.items, depth + 1);
  if (resolved.oneOf) resolved.oneOf = resolved.oneOf.map((part) => resolveSchema(doc, part, depth + 1) ?? {});
  if (resolved.anyOf) resolved.anyOf = resolved.anyOf.map((part) => resolveSchema(doc, part, depth + 1) ?? {});
  return resolved;
}

export function routesOf(doc: OpenApiDocument): { writes: Route[]; reads: Route[] } {
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!['get', ...WRITE_METHODS].includes(method)) continue;
      const parameters = operation.parameters ?? [];
      routes.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => ({ ...p, schema: resolveSchema(doc, p.schema) })),
        body: resolveSchema(doc, operation.requestBody?.content?.['application/json']?.schema),
      });
    }
  }
  return {
    writes: routes.filter((route) => WRITE_METHODS.includes(route.method.toLowerCase())),
    reads: routes.filter((route) => route.method === 'GET'),
  };
}
