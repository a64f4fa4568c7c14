import { createRoute, z } from '@hono/zod-openapi';
import { AlignmentMatrix, AlignmentShareList } from '../../../shared/contracts/programming-answers.ts';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/env.ts';
import { json, named, router } from '../../http/openapi.ts';
import { CodeParam, readErrors } from '../../http/route-kit.ts';
import { alignmentMatrix, alignmentPortfolio } from './alignment.service.ts';

const tags = ['Alignment'];
const MatrixSchema = named(AlignmentMatrix, 'AlignmentMatrix');
const ShareList = named(AlignmentShareList, 'AlignmentShareList');

export function alignmentRoutes({ db }: Deps) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/countries/{code}/alignment',
        tags,
        summary: 'DWCP priorities × CF outcomes for a country (latest DWCP unless one is named)',
        request: { params: CodeParam, query: z.strictObject({ dwcp: z.uuid().optional() }) },
        responses: { 200: json(MatrixSchema), ...readErrors },
      }),
      async (c) => c.json(await alignmentMatrix(db, c.req.valid('param').code, c.req.valid('query').dwcp, actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/alignment/portfolio',
        tags,
        summary: 'Share of DWCP priorities reflected in CFs, by region and year',
        responses: { 200: json(ShareList), ...readErrors },
      }),
      async (c) => {
        const items = await alignmentPortfolio(db, actorOf(c));
        return c.json({ items, total: items.length }, 200);
      },
    );
}
