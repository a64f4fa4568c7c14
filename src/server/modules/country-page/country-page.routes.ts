import { createRoute } from '@hono/zod-openapi';
import { CountryPageData } from '../../../shared/contracts/programming-answers.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { json, named, router } from '../../http/openapi.ts';
import { CodeParam, readErrors } from '../../http/route-kit.ts';
import { getCountryPage } from './country-page.service.ts';

const CountryPageSchema = named(CountryPageData, 'CountryPage');

export function countryPageRoutes({ db }: Deps) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/{code}/page',
      tags: ['Country programming'],
      summary: 'Everything the country page shows, in one answer',
      request: { params: CodeParam },
      responses: { 200: json(CountryPageSchema), ...readErrors },
    }),
    async (c) => c.json(await getCountryPage(db, c.req.valid('param').code, actorOf(c)), 200),
  );
}
