import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI document generated from the controllers and DTOs, with its UI at /api/docs. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Huifang API')
    .setDescription('Patient-relationship management: patients, encounters, surveys, callbacks, indicators.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  // Built on the first request for it, not at every start (scanning every controller takes most of a second).
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: 'api/docs/openapi.json',
    customSiteTitle: 'Huifang API',
  });
}
