import request from 'supertest';
import { bearer } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';

type Row = Record<string, unknown> & { id: number; version: number };

describe('reference data in the reader’s language', () => {
  let api: RunningApi;
  let admin: Session;
  let caseworker: Session;

  beforeAll(async () => {
    api = await startApi();
    admin = await login(api.url, 'admin');
    caseworker = await login(api.url, 'caseworker.pavlodar');
  });
  afterAll(() => api?.stop());

  const list = async (resource: string, filter: Record<string, unknown>, token = caseworker.accessToken) =>
    (
      await request(api.url)
        .get(`/api/${resource}`)
        .query({ filter: JSON.stringify(filter) })
        .set(bearer(token))
        .expect(200)
    ).body as Row[];
  /** A row as PUT takes it back: without the fields the server sets. */
  const editable = ({ id: _id, createdAt: _c, updatedAt: _u, ...fields }: Row) => fields;

  describe('GET /api/regions', () => {
    it('names each regional centre in Kazakh, Russian and English', async () => {
      const [west] = await list('regions', { code: '27' });
      expect(west).toMatchObject({ centreKk: 'Орал', centreRu: 'Уральск', centreEn: 'Oral' });
      const [east] = await list('regions', { code: '63' });
      expect(east).toMatchObject({ centreKk: 'Өскемен', centreRu: 'Усть-Каменогорск', centreEn: 'Oskemen' });
      expect(west).not.toHaveProperty('centre');
    });

    it('gives the three cities of national significance no centre', async () => {
      const [astana] = await list('regions', { code: '71' });
      expect(astana).toMatchObject({ centreKk: null, centreRu: null, centreEn: null });
    });

    it('finds a region by its centre in Russian', async () => {
      expect((await list('regions', { q: 'Уральск' })).map((r) => r.code)).toEqual(['27']);
    });
  });

  describe('PUT /api/regions/:id', () => {
    it('saves a centre renamed in all three languages', async () => {
      const [region] = await list('regions', { code: '62' }, admin.accessToken);
      const names = { centreKk: 'Жезқазған қаласы', centreRu: 'город Жезказган', centreEn: 'Zhezkazgan city' };
      const saved = await request(api.url)
        .put(`/api/regions/${region.id}`)
        .set(bearer(admin.accessToken))
        .send({ ...editable(region), ...names })
        .expect(200);
      expect(saved.body).toMatchObject({ ...names, version: region.version + 1 });
    });

    it('refuses a centre named in one language only: 400 keyed by the missing ones, nothing written', async () => {
      const [region] = await list('regions', { code: '55' }, admin.accessToken);
      const response = await request(api.url)
        .put(`/api/regions/${region.id}`)
        .set(bearer(admin.accessToken))
        .send({ ...editable(region), centreKk: 'Павлодар', centreRu: null, centreEn: '' })
        .expect(400);
      expect(Object.keys(response.body.errors).sort()).toEqual(['centreEn', 'centreRu']);
      const [after] = await list('regions', { code: '55' }, admin.accessToken);
      expect(after).toMatchObject({ centreRu: 'Павлодар', centreEn: 'Pavlodar', version: region.version });
    });
  });

  describe('legal grounds', () => {
    it('carry their title and legal basis in Kazakh, Russian and English', async () => {
      const [ground] = await list('legal-grounds', { code: 'holds_citizenship' });
      expect(ground).toMatchObject({
        nameKk: 'Қазақстан Республикасының азаматтығы бар',
        nameRu: 'Имеет гражданство Республики Казахстан',
        nameEn: 'Already a citizen of Kazakhstan',
        sourceKk: '«Халықтың көші-қоны туралы» Заң, қандас анықтамасы',
        sourceRu: 'Закон «О миграции населения», определение кандаса',
        sourceEn: 'Law "On migration of population", definition of kandas',
      });
    });

    it('are refused without the legal basis in each language: 400 keyed by field', async () => {
      const response = await request(api.url)
        .post('/api/legal-grounds')
        .set(bearer(admin.accessToken))
        .send({
          kind: 'revoke',
          code: 'no_basis',
          nameKk: 'Негізсіз',
          nameRu: 'Без основания',
          nameEn: 'Without basis',
          sourceRu: '   ',
          source: 'test',
        })
        .expect(400);
      expect(Object.keys(response.body.errors).sort()).toEqual(['sourceEn', 'sourceKk', 'sourceRu']);
      expect(await list('legal-grounds', { code: 'no_basis' })).toEqual([]);
    });
  });
});
