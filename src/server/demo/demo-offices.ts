import type { OfficeType } from '../../shared/office-types.ts';

/**
 * An illustrative office tree for the demonstration (synthetic: modelled on a UN specialised agency
 * with headquarters departments, regional offices, technical support teams and country offices).
 */
export interface DemoOffice {
  code: string;
  name: string;
  type: OfficeType;
  parent: string | null;
  country: string | null;
  city: string | null;
}

const o = (code: string, name: string, type: OfficeType, parent: string | null, country: string | null, city: string | null): DemoOffice => ({
  code,
  name,
  type,
  parent,
  country,
  city,
});

export const DEMO_OFFICES: DemoOffice[] = [
  o('HQ', 'Headquarters', 'headquarters', null, 'CH', 'Geneva'),
  o('PARDEV', 'Partnerships and Field Support Department', 'hq_department', 'HQ', 'CH', 'Geneva'),
  o('ACTRAV', "Bureau for Workers' Activities", 'hq_department', 'HQ', 'CH', 'Geneva'),
  o('ACT/EMP', "Bureau for Employers' Activities", 'hq_department', 'HQ', 'CH', 'Geneva'),
  o('EVAL', 'Evaluation Office', 'hq_department', 'HQ', 'CH', 'Geneva'),
  o('PROGRAM', 'Strategic Programming and Management', 'hq_department', 'HQ', 'CH', 'Geneva'),
  o('RO-AFRICA', 'Regional Office for Africa', 'regional_office', 'HQ', 'CI', 'Abidjan'),
  o('DWT-DAKAR', 'Decent Work Technical Support Team for West Africa', 'technical_support_team', 'RO-AFRICA', 'SN', 'Dakar'),
  o('CO-DAR', 'Country Office for Kenya, Rwanda, Tanzania and Uganda', 'country_office', 'RO-AFRICA', 'TZ', 'Dar es Salaam'),
  o('CO-LUSAKA', 'Country Office for Zambia, Malawi and Mozambique', 'country_office', 'RO-AFRICA', 'ZM', 'Lusaka'),
  o('CO-ABUJA', 'Country Office for Nigeria, Ghana, Liberia and Sierra Leone', 'country_office', 'RO-AFRICA', 'NG', 'Abuja'),
  o('CO-PRAIA', 'Liaison Office for Cabo Verde', 'liaison_office', 'DWT-DAKAR', 'CV', 'Praia'),
  o('RO-AMERICAS', 'Regional Office for Latin America and the Caribbean', 'regional_office', 'HQ', 'PE', 'Lima'),
  o('DWT-SANJOSE', 'Decent Work Technical Support Team for Central America', 'technical_support_team', 'RO-AMERICAS', 'CR', 'San José'),
  o('CO-BUENOSAIRES', 'Country Office for Argentina', 'country_office', 'RO-AMERICAS', 'AR', 'Buenos Aires'),
  o('CO-SANTIAGO', 'Country Office for the Southern Cone (Chile, Paraguay, Uruguay)', 'country_office', 'RO-AMERICAS', 'CL', 'Santiago'),
  o('RO-ARAB', 'Regional Office for Arab States', 'regional_office', 'HQ', 'LB', 'Beirut'),
  o('CO-CAIRO', 'Country Office for Egypt and Eritrea', 'country_office', 'RO-ARAB', 'EG', 'Cairo'),
  o('RO-ASIA', 'Regional Office for Asia and the Pacific', 'regional_office', 'HQ', 'TH', 'Bangkok'),
  o('DWT-DELHI', 'Decent Work Technical Support Team for South Asia', 'technical_support_team', 'RO-ASIA', 'IN', 'New Delhi'),
  o('CO-DELHI', 'Country Office for India', 'country_office', 'DWT-DELHI', 'IN', 'New Delhi'),
  o('CO-ISLAMABAD', 'Country Office for Pakistan', 'country_office', 'RO-ASIA', 'PK', 'Islamabad'),
  o('CO-HANOI', 'Country Office for Viet Nam', 'country_office', 'RO-ASIA', 'VN', 'Hanoi'),
  o('RO-EUROPE', 'Regional Office for Europe and Central Asia', 'regional_office', 'HQ', 'CH', 'Geneva'),
  o('DWT-BUDAPEST', 'Decent Work Technical Support Team for Central and Eastern Europe', 'technical_support_team', 'RO-EUROPE', 'HU', 'Budapest'),
  o('CO-TIRANA', 'National Coordinator for Albania', 'liaison_office', 'DWT-BUDAPEST', 'AL', 'Tirana'),
];

export const DEMO_PARTNERS = [
  { code: 'EU', name: 'European Union', partnerType: 'eu', organisationRef: 'XI-IATI-EC_INTPA' },
  { code: 'NO-NORAD', name: 'Norway (Norad)', partnerType: 'government', organisationRef: 'NO-BRC-971277882' },
  { code: 'SE-SIDA', name: 'Sweden (Sida)', partnerType: 'government', organisationRef: 'SE-0' },
  { code: 'IN-GOV', name: 'Government of India', partnerType: 'programme_country', organisationRef: null },
  { code: 'MPTF-SDG', name: 'Joint SDG Fund', partnerType: 'pooled_fund', organisationRef: 'XM-DAC-41AAA' },
  { code: 'ACME-FDN', name: 'Example Foundation', partnerType: 'private_sector', organisationRef: null },
] as const;
