-- claimdb schema: the language of reports and sources (a BCP 47 tag such as
-- 'fr', 'de-CH' or 'uk', in canonical case). It says how the quantity phrases
-- of their claims are read (decimal comma or point, thousands separators,
-- scale and number words): a claim is read in its report's language, else
-- in the language of the report's publisher, else in its claimant's, else
-- in English. NULL: not given.
ALTER TABLE sources ADD COLUMN language TEXT;
ALTER TABLE reports ADD COLUMN language TEXT;
