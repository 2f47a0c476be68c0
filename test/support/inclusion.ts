import { todayInKazakhstan } from '@qonys/domain';
import request from 'supertest';
import { bearer } from './api-helpers';
import type { Session } from './auth';

/**
 * Includes an approved case in its region's 2026 quota through the API, as the
 * region's caseworker files and its official decides, and (when `arrived`) records
 * the family's arrival today. Returns nothing the caller does not have: the case id.
 */
export async function includeInQuota(
  baseUrl: string,
  sessions: { caseworker: Session; official: Session },
  applicationId: number,
  regionId: number,
  options: { arrived: boolean; adaptationServices?: string[] },
): Promise<void> {
  const as = (session: Session) => ({
    get: (path: string) => request(baseUrl).get(path).set(bearer(session.accessToken)),
    post: (path: string, body: object) => request(baseUrl).post(path).set(bearer(session.accessToken)).send(body),
  });
  const created = await as(sessions.caseworker)
    .post('/api/inclusion-requests', {
      applicationId,
      year: 2026,
      preferredRegionIds: [regionId],
      consent: true,
      ...(options.adaptationServices ? { adaptationServices: options.adaptationServices } : {}),
    })
    .expect(201);
  await as(sessions.official)
    .post(`/api/inclusion-requests/${created.body.id}/decision`, { decision: 'include', version: created.body.version })
    .expect(200);
  if (!options.arrived) return;
  const filter = encodeURIComponent(JSON.stringify({ applicationId }));
  const [settlement] = (await as(sessions.official).get(`/api/settlements?filter=${filter}`).expect(200)).body;
  await as(sessions.official)
    .post(`/api/settlements/${settlement.id}/arrival`, {
      actualArrival: todayInKazakhstan(),
      version: settlement.version,
    })
    .expect(200);
}
