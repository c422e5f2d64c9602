import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Real-looking exports, written to files the way the CRMs write them. */

export const SALESFORCE_OPPORTUNITIES = [
  'Opportunity ID,Account ID,Opportunity Name,Type,Stage,Amount,Created Date,Close Date,Lead Source',
  '0061x00000AAA01,0011x000001,Acme - New,New Business,Closed Won,"$1,250.00",3/1/2024,3/28/2024,Web',
  '0061x00000AAA02,0011x000001,Acme - Expansion,Existing Customer - Upgrade,Closed Won,"$12,500.00",4/2/2024,5/15/2024,Partner',
  '0061x00000AAA03,0011x000002,Globex - New,New Business,Closed Lost,"$8,000.00",2/10/2024,2/28/2024,Web',
  '0061x00000AAA04,0011x000003,Initech - New,,Negotiation,"$3,000.00",5/1/2024,,Event',
  '0061x00000AAA05,0011x000003,Initech - Renewal,Renewal,Closed Won,"$20,000.00",1/5/2025,1/31/2025,',
].join('\r\n');

export const HUBSPOT_DEALS = [
  'Record ID,Deal Name,Deal Stage,Deal Type,Amount,Create Date,Close Date,Associated Company IDs',
  '9001,Umbrella - New,closedwon,newbusiness,4500,2024-03-01 09:30,2024-04-01 17:00,501',
  '9002,Umbrella - Upsell,closedwon,existingbusiness,1200.50,2024-06-01 10:00,2024-06-20 12:00,501',
  '9003,Hooli - New,closedlost,newbusiness,9900,2024-02-01 08:00,2024-02-15 08:00,502',
  '9004,Hooli - Second try,appointmentscheduled,newbusiness,7000,2024-07-01 08:00,,502',
].join('\n');

/** A European accounts export: semicolons, decimal comma, day-first dates, a BOM, as Excel writes them. */
export const EUROPEAN_OPPORTUNITIES = `\uFEFF${[
  'opportunity_id;account_id;name;stage;amount;created_at;closed_at',
  'EU-1;ACC-1;Beispiel GmbH;won;12.500,00;01.03.2024;28.03.2024',
  'EU-2;ACC-1;Beispiel GmbH Ausbau;lost;1.250,50;15.04.2024;30.04.2024',
  'EU-3;ACC-2;Exemple SARL;open;999,99;13/05/2024;',
].join('\r\n')}\r\n`;

export const DISCOURSE_USERS = [
  'id,username,name,email,created_at,last_seen_at,trust_level,active,admin',
  '1,alice,Alice Liddell,alice@acme.com,2023-01-05T10:00:00Z,2024-05-01T10:00:00Z,2,true,false',
  '2,bob,Bob Builder,bob.builder@gmail.com,2023-02-05T10:00:00Z,2024-05-01T10:00:00Z,1,true,false',
  '3,carol,Carol Danvers,carol@globex.com,2023-03-05T10:00:00Z,2024-05-01T10:00:00Z,3,true,false',
  '4,dave,Dave,,2023-03-06T10:00:00Z,,0,true,false',
].join('\n');

export function writeFixture(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
