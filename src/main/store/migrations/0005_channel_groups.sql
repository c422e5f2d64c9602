-- Tributary project schema, version 5: channel-group rules (attribution.md 10).
-- An ordered list of rules, each one or more conditions and the group it assigns; a touch's reported channel is
-- the group of the first rule it matches. Saved in the project, so a colleague opening the file sees the same
-- channels. The rules change what every model reports but not the engine's arrays: the engine reads them with
-- each request, so they need no data-revision trigger.
CREATE TABLE channel_group_rules (
  position INTEGER PRIMARY KEY CHECK (position >= 0),
  group_name TEXT NOT NULL CHECK (length(group_name) BETWEEN 1 AND 100),
  conditions_json TEXT NOT NULL CHECK (json_valid(conditions_json))
) STRICT;
