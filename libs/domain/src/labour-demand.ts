/**
 * The header row a labour-demand import file must have, in this spelling (English,
 * lower case), whatever the UI language: the API reads the columns by these names
 * and the admin's import help shows them as they must be typed.
 */
export const LABOUR_DEMAND_IMPORT_COLUMNS = ['year', 'region_code', 'occupation', 'vacancies'] as const;
export type LabourDemandImportColumn = (typeof LABOUR_DEMAND_IMPORT_COLUMNS)[number];
