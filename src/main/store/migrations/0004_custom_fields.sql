-- Tributary project schema, version 4: custom fields, and open opportunities without an amount (data.md).
-- Every column of a CRM or community export that maps to no canonical column is kept with its row, so it can scope
-- a report, group a breakdown or feed a channel-group rule later. A row's custom fields are one JSON object, header
-- -> text, in `custom` (NULL when it has none; a blank cell is no entry): a re-import merges its columns into it
-- (json_patch), so a column a later file lacks is kept and a column it blanks is cleared. `custom_fields` lists the
-- fields each kind holds, in the order they were first imported, so a filter can offer them without reading rows.
ALTER TABLE accounts ADD COLUMN custom TEXT CHECK (custom IS NULL OR json_valid(custom));
ALTER TABLE contacts ADD COLUMN custom TEXT CHECK (custom IS NULL OR json_valid(custom));
ALTER TABLE opportunities ADD COLUMN custom TEXT CHECK (custom IS NULL OR json_valid(custom));
ALTER TABLE touchpoints ADD COLUMN custom TEXT CHECK (custom IS NULL OR json_valid(custom));
ALTER TABLE community_members ADD COLUMN custom TEXT CHECK (custom IS NULL OR json_valid(custom));
ALTER TABLE community_actions ADD COLUMN custom TEXT CHECK (custom IS NULL OR json_valid(custom));

CREATE TABLE custom_fields (
  kind TEXT NOT NULL CHECK (kind IN ('accounts', 'contacts', 'opportunities', 'touchpoints', 'community_members',
    'community_actions')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 63),
  PRIMARY KEY (kind, name),
  UNIQUE (kind, position)
) STRICT;

-- An open opportunity may have no amount yet (pipeline not yet valued): it is stored as 0 and flagged, so it counts
-- as 0 and is reported as unvalued. Won and lost opportunities always have one (the import refuses them otherwise).
ALTER TABLE opportunities ADD COLUMN amount_missing INTEGER NOT NULL DEFAULT 0
  CHECK (amount_missing IN (0, 1) AND (amount_missing = 0 OR stage = 'open'));
