import { createRoute } from '@hono/zod-openapi';
import { ConstituentCreate, ConstituentUpdate, CountryProfileCreate, CountryProfileUpdate } from '../../../shared/contracts/programming.ts';
import { Constituent, ConstituentList, CountryProgramme, CountryProgrammeList } from '../../../shared/contracts/programming-answers.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { json, jsonBody, named, router } from '../../http/openapi.ts';
import { CodeParam, IdParam, readErrors, VersionQuery, writeErrors } from '../../http/route-kit.ts';
import * as countries from './countries.service.ts';

const tags = ['Country programming'];
const Code = CodeParam;
const Id = IdParam;
const reads = readErrors;
const writes = writeErrors;
const ProgrammeSchema = named(CountryProgramme, 'CountryProgramme');
const ProgrammeList = named(CountryProgrammeList, 'CountryProgrammeList');
const ConstituentSchema = named(Constituent, 'Constituent');
const ConstituentListSchema = named(ConstituentList, 'ConstituentList');

/** Country programmes (presence, covering office) and their constituents. */
export function countryRoutes({ db }: Deps) {
  return router()
    .openapi(createRoute({ method: 'get', path: '/', tags, summary: 'Country programmes within your scope', responses: { 200: json(ProgrammeList), ...reads } }), async (c) => {
      const items = await countries.findCountryProfiles(db, actorOf(c));
      return c.json({ items, total: items.length }, 200);
    })
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Start the country programme of a country',
        request: { body: jsonBody(CountryProfileCreate) },
        responses: { 201: json(ProgrammeSchema, 'Created'), ...writes },
      }),
      async (c) => c.json(await countries.createCountryProfile(db, c.req.valid('json'), actorOf(c)), 201),
    )
    .openapi(
      createRoute({ method: 'get', path: '/{code}', tags, summary: 'One country programme', request: { params: Code }, responses: { 200: json(ProgrammeSchema), ...reads } }),
      async (c) => c.json(await countries.getCountryProfile(db, c.req.valid('param').code, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{code}',
        tags,
        summary: 'Change presence, covering office or flags; send the version you read',
        request: { params: Code, body: jsonBody(CountryProfileUpdate) },
        responses: { 200: json(ProgrammeSchema), ...writes },
      }),
      async (c) => c.json(await countries.updateCountryProfile(db, c.req.valid('param').code, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{code}/constituents',
        tags,
        summary: 'The tripartite constituents of a country',
        request: { params: Code },
        responses: { 200: json(ConstituentListSchema), ...reads },
      }),
      async (c) => {
        const items = await countries.findConstituents(db, c.req.valid('param').code, actorOf(c));
        return c.json({ items, total: items.length }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{code}/constituents',
        tags,
        summary: 'Add a constituent',
        request: { params: Code, body: jsonBody(ConstituentCreate) },
        responses: { 201: json(ConstituentSchema, 'Created'), ...writes },
      }),
      async (c) => c.json(await countries.createConstituent(db, c.req.valid('param').code, c.req.valid('json'), actorOf(c)), 201),
    );
}

export function constituentRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags,
        summary: 'Change a constituent',
        request: { params: Id, body: jsonBody(ConstituentUpdate) },
        responses: { 200: json(ConstituentSchema), ...writes },
      }),
      async (c) => c.json(await countries.updateConstituent(db, c.req.valid('param').id, c.req.valid('json'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/{id}',
        tags,
        summary: 'Remove a constituent',
        request: { params: Id, query: VersionQuery },
        responses: { 204: { description: 'Removed' }, ...writes },
      }),
      async (c) => {
        await countries.deleteConstituent(db, c.req.valid('param').id, c.req.valid('query').version, actorOf(c));
        return c.body(null, 204);
      },
    );
}
