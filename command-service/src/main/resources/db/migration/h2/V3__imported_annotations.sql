-- Which UHRI entries (by OHCHR annotation id, per country concerned) were imported, and as which recommendation:
-- a second import of the same file adds nothing.
CREATE TABLE imported_annotation (
    annotation_id     VARCHAR(200) NOT NULL,
    country           CHAR(3)      NOT NULL,
    recommendation_id VARCHAR(64)  NOT NULL,
    PRIMARY KEY (annotation_id, country)
);
