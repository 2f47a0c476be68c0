import {
  DataTable,
  FunctionField,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleList,
  TextField,
  useGetList,
  useTranslate,
} from 'react-admin';
import { CompactLine } from '../common/CompactLine';
import { ListActions } from '../common/ListActions';
import { useLocalizedName } from '../common/localizedName';
import { ResponsiveList } from '../common/ResponsiveList';
import { useEditRowClick } from '../common/useEditRowClick';
import { useRegionNames } from '../quotas/useRegionNames';
import { PROVIDER_KIND_CHOICES } from './serviceChoices';

export interface ProviderRecord {
  id: number;
  regionId: number;
  name: string;
  kind: string;
  phone: string | null;
  services: { serviceTypeId: number; placesPerMonth: number; taken: { period: string; used: number }[] }[];
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={PROVIDER_KIND_CHOICES} alwaysOn />,
];

/** "Kazakh language course: 30 places a month (2026-12: 4 taken)", each service of a provider. */
export const useOfferText = () => {
  const translate = useTranslate();
  const name = useLocalizedName();
  const { data: types } = useGetList('service-types', { pagination: { page: 1, perPage: 200 } });
  return (provider: ProviderRecord) =>
    provider.services
      .map((service) => {
        const type = types?.find((t) => t.id === service.serviceTypeId);
        const taken = service.taken.map((t) => translate('app.services.taken', t)).join(', ');
        const places = translate('app.services.places', { places: service.placesPerMonth });
        return `${type ? name(type) : service.serviceTypeId}: ${places}${taken ? ` (${taken})` : ''}`;
      })
      .join('; ');
};

/** The region's providers and the places each service has per month. */
export const ServiceProviderList = () => {
  const offer = useOfferText();
  const { nameOf } = useRegionNames();
  const rowClick = useEditRowClick();
  return (
    <List filters={filters} actions={<ListActions />} sort={{ field: 'name', order: 'ASC' }}>
      <ResponsiveList
        compact={
          <SimpleList<ProviderRecord>
            primaryText={(record) => record.name}
            secondaryText={(record) => (
              <CompactLine>
                <SelectField source="kind" choices={PROVIDER_KIND_CHOICES} />
                {nameOf(record.regionId)}
                {offer(record)}
              </CompactLine>
            )}
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={rowClick}>
          <DataTable.Col source="name">
            <TextField source="name" />
          </DataTable.Col>
          <DataTable.Col source="kind">
            <SelectField source="kind" choices={PROVIDER_KIND_CHOICES} />
          </DataTable.Col>
          <DataTable.Col source="regionId">
            <FunctionField<ProviderRecord> render={(record) => nameOf(record.regionId)} />
          </DataTable.Col>
          <DataTable.Col source="services" disableSort>
            <FunctionField<ProviderRecord> render={offer} />
          </DataTable.Col>
          <DataTable.Col source="phone" disableSort />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default ServiceProviderList;
