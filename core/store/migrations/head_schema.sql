CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE regions (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	CONSTRAINT pk_regions PRIMARY KEY (id), 
	CONSTRAINT uq_regions_name UNIQUE (name)
);
CREATE TABLE departments (
	id INTEGER NOT NULL, 
	region_id INTEGER NOT NULL, 
	code VARCHAR(64) NOT NULL, 
	name TEXT NOT NULL, 
	CONSTRAINT pk_departments PRIMARY KEY (id), 
	CONSTRAINT fk_departments_region_id_regions FOREIGN KEY(region_id) REFERENCES regions (id) ON DELETE CASCADE, 
	CONSTRAINT uq_departments_region_code UNIQUE (region_id, code)
);
CREATE TABLE documents (
	id INTEGER NOT NULL, 
	department_id INTEGER NOT NULL, 
	year INTEGER, 
	kind VARCHAR(32) NOT NULL, 
	source_name TEXT NOT NULL, 
	source_format VARCHAR(16) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	year_source TEXT NOT NULL, 
	money_unit VARCHAR(8), 
	page_count INTEGER, 
	imported_at DATETIME NOT NULL, 
	is_current BOOLEAN NOT NULL, 
	replaces_id INTEGER, 
	region_hint TEXT, 
	dept_code VARCHAR(64) NOT NULL, 
	dept_name TEXT NOT NULL, 
	overall_goal TEXT, 
	overall_goal_prov VARCHAR(64), 
	units_json TEXT NOT NULL, 
	sub_goals_json TEXT NOT NULL, 
	measures_json TEXT NOT NULL, 
	budget_tables_json TEXT, 
	issues_json TEXT NOT NULL, report_json TEXT, totals_json TEXT, content_sha256 VARCHAR(64), 
	CONSTRAINT pk_documents PRIMARY KEY (id), 
	CONSTRAINT fk_documents_department_id_departments FOREIGN KEY(department_id) REFERENCES departments (id) ON DELETE CASCADE, 
	CONSTRAINT fk_documents_replaces_id_documents FOREIGN KEY(replaces_id) REFERENCES documents (id) ON DELETE SET NULL, 
	CONSTRAINT uq_documents_sha256 UNIQUE (sha256)
);
CREATE TABLE document_files (
	document_id INTEGER NOT NULL, 
	file_name TEXT NOT NULL, 
	size INTEGER NOT NULL, 
	content BLOB NOT NULL, 
	CONSTRAINT pk_document_files PRIMARY KEY (document_id), 
	CONSTRAINT fk_document_files_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
CREATE TABLE projects (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	seq INTEGER, 
	title TEXT NOT NULL, 
	title_prov VARCHAR(64), 
	unit_code VARCHAR(64) NOT NULL, 
	unit_name TEXT NOT NULL, 
	money_unit VARCHAR(8), 
	code TEXT, 
	code_prov VARCHAR(64), 
	name TEXT, 
	name_prov VARCHAR(64), 
	budget_total TEXT, 
	budget_total_prov VARCHAR(64), 
	budget_total_yuan VARCHAR(40), 
	fiscal_funds TEXT, 
	fiscal_funds_prov VARCHAR(64), 
	fiscal_funds_yuan VARCHAR(40), 
	other_funds TEXT, 
	other_funds_prov VARCHAR(64), 
	other_funds_yuan VARCHAR(40), 
	usage TEXT, 
	usage_prov VARCHAR(64), 
	goal TEXT, 
	goal_prov VARCHAR(64), 
	spending_plan_json TEXT, 
	prov VARCHAR(64), long_term_goal TEXT, long_term_goal_prov VARCHAR(64), funding_json TEXT, cost_json TEXT, 
	CONSTRAINT pk_projects PRIMARY KEY (id), 
	CONSTRAINT fk_projects_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
CREATE TABLE grades (
	project_id INTEGER NOT NULL, 
	scores_json TEXT NOT NULL, 
	total FLOAT NOT NULL, 
	band VARCHAR(8) NOT NULL, 
	result VARCHAR(32) NOT NULL, 
	overridden BOOLEAN NOT NULL, 
	conclusion TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	CONSTRAINT pk_grades PRIMARY KEY (project_id), 
	CONSTRAINT fk_grades_project_id_projects FOREIGN KEY(project_id) REFERENCES projects (id) ON DELETE CASCADE
);
CREATE TABLE indicators (
	id INTEGER NOT NULL, 
	project_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	level1 TEXT NOT NULL, 
	level1_prov VARCHAR(64), 
	level2 TEXT NOT NULL, 
	level2_prov VARCHAR(64), 
	level3 TEXT NOT NULL, 
	level3_prov VARCHAR(64), 
	description TEXT NOT NULL, 
	description_prov VARCHAR(64), 
	value TEXT NOT NULL, 
	value_prov VARCHAR(64), 
	basis TEXT, 
	basis_prov VARCHAR(64), 
	extra_json TEXT, period VARCHAR(16) DEFAULT 'annual' NOT NULL, 
	CONSTRAINT pk_indicators PRIMARY KEY (id), 
	CONSTRAINT fk_indicators_project_id_projects FOREIGN KEY(project_id) REFERENCES projects (id) ON DELETE CASCADE
);
CREATE TABLE year_matches (
	id INTEGER NOT NULL, 
	old_document_id INTEGER NOT NULL, 
	new_document_id INTEGER NOT NULL, 
	old_project_id INTEGER, 
	new_project_id INTEGER, 
	updated_at DATETIME NOT NULL, 
	CONSTRAINT pk_year_matches PRIMARY KEY (id), 
	CONSTRAINT fk_year_matches_new_document_id_documents FOREIGN KEY(new_document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	CONSTRAINT fk_year_matches_new_project_id_projects FOREIGN KEY(new_project_id) REFERENCES projects (id) ON DELETE CASCADE, 
	CONSTRAINT fk_year_matches_old_document_id_documents FOREIGN KEY(old_document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	CONSTRAINT fk_year_matches_old_project_id_projects FOREIGN KEY(old_project_id) REFERENCES projects (id) ON DELETE CASCADE, 
	CONSTRAINT uq_year_matches_old UNIQUE (old_document_id, new_document_id, old_project_id)
);
CREATE TABLE annotations (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	project_id INTEGER, 
	indicator_id INTEGER, 
	loc_project_seq INTEGER, 
	loc_field VARCHAR(64), 
	loc_indicator INTEGER, 
	loc_column VARCHAR(64), 
	loc_key VARCHAR(200) NOT NULL, 
	text TEXT NOT NULL, 
	author TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	CONSTRAINT pk_annotations PRIMARY KEY (id), 
	CONSTRAINT fk_annotations_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	CONSTRAINT fk_annotations_indicator_id_indicators FOREIGN KEY(indicator_id) REFERENCES indicators (id) ON DELETE CASCADE, 
	CONSTRAINT fk_annotations_project_id_projects FOREIGN KEY(project_id) REFERENCES projects (id) ON DELETE CASCADE
);
CREATE TABLE revisions (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	project_id INTEGER, 
	indicator_id INTEGER, 
	loc_project_seq INTEGER, 
	loc_field VARCHAR(64), 
	loc_indicator INTEGER, 
	loc_column VARCHAR(64), 
	loc_key VARCHAR(200) NOT NULL, 
	original TEXT NOT NULL, 
	suggested TEXT NOT NULL, 
	author TEXT NOT NULL, 
	note TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	CONSTRAINT pk_revisions PRIMARY KEY (id), 
	CONSTRAINT fk_revisions_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	CONSTRAINT fk_revisions_indicator_id_indicators FOREIGN KEY(indicator_id) REFERENCES indicators (id) ON DELETE CASCADE, 
	CONSTRAINT fk_revisions_project_id_projects FOREIGN KEY(project_id) REFERENCES projects (id) ON DELETE CASCADE, 
	CONSTRAINT uq_revisions_document_loc UNIQUE (document_id, loc_key)
);
CREATE TABLE "findings" (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	project_id INTEGER, 
	indicator_id INTEGER, 
	check_id VARCHAR(32) NOT NULL, 
	severity VARCHAR(4) NOT NULL, 
	criterion VARCHAR(16) NOT NULL, 
	loc_project_seq INTEGER, 
	loc_field VARCHAR(64), 
	loc_indicator INTEGER, 
	loc_column VARCHAR(64), 
	loc_key VARCHAR(200) NOT NULL, 
	quote TEXT NOT NULL, 
	suggestion TEXT, 
	prov VARCHAR(64), 
	state VARCHAR(16) NOT NULL, 
	reason TEXT, 
	message_key VARCHAR(64) DEFAULT 'legacy' NOT NULL, 
	params_json TEXT DEFAULT '{}' NOT NULL, decided_by TEXT, decided_at DATETIME, 
	CONSTRAINT pk_findings PRIMARY KEY (id), 
	CONSTRAINT fk_findings_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	CONSTRAINT fk_findings_project_id_projects FOREIGN KEY(project_id) REFERENCES projects (id) ON DELETE CASCADE, 
	CONSTRAINT fk_findings_indicator_id_indicators FOREIGN KEY(indicator_id) REFERENCES indicators (id) ON DELETE CASCADE
);
CREATE TABLE document_aliases (
	sha256 VARCHAR(64) NOT NULL, 
	document_id INTEGER NOT NULL, 
	file_name TEXT NOT NULL, 
	CONSTRAINT pk_document_aliases PRIMARY KEY (sha256), 
	CONSTRAINT fk_document_aliases_document_id_documents FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
CREATE VIRTUAL TABLE project_fts USING fts5(name, goal, content='projects', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE project_fts_vocab USING fts5vocab(project_fts, row);
CREATE VIRTUAL TABLE indicator_fts USING fts5(level3, description, value, content='indicators', content_rowid='id', tokenize='trigram');
CREATE VIRTUAL TABLE indicator_fts_vocab USING fts5vocab(indicator_fts, row);
CREATE INDEX ix_documents_department_year ON documents (department_id, year);
CREATE INDEX ix_projects_document_position ON projects (document_id, position);
CREATE INDEX ix_indicators_project_position ON indicators (project_id, position);
CREATE INDEX ix_annotations_document ON annotations (document_id);
CREATE INDEX ix_annotations_project_id ON annotations (project_id);
CREATE INDEX ix_revisions_project_id ON revisions (project_id);
CREATE INDEX ix_findings_project_id ON findings (project_id);
CREATE INDEX ix_findings_document ON findings (document_id);
CREATE INDEX ix_document_aliases_document_id ON document_aliases (document_id);
CREATE TRIGGER project_fts_ai AFTER INSERT ON projects BEGIN INSERT INTO project_fts(rowid, name, goal) VALUES (new.id, new.name || '', new.goal || ''); END;
CREATE TRIGGER project_fts_ad AFTER DELETE ON projects BEGIN INSERT INTO project_fts(project_fts, rowid, name, goal) VALUES ('delete', old.id, old.name || '', old.goal || ''); END;
CREATE TRIGGER project_fts_au AFTER UPDATE OF name, goal ON projects BEGIN INSERT INTO project_fts(project_fts, rowid, name, goal) VALUES ('delete', old.id, old.name || '', old.goal || ''); INSERT INTO project_fts(rowid, name, goal) VALUES (new.id, new.name || '', new.goal || ''); END;
CREATE TRIGGER indicator_fts_ai AFTER INSERT ON indicators BEGIN INSERT INTO indicator_fts(rowid, level3, description, value) VALUES (new.id, new.level3 || '', new.description || '', new.value || ''); END;
CREATE TRIGGER indicator_fts_ad AFTER DELETE ON indicators BEGIN INSERT INTO indicator_fts(indicator_fts, rowid, level3, description, value) VALUES ('delete', old.id, old.level3 || '', old.description || '', old.value || ''); END;
CREATE TRIGGER indicator_fts_au AFTER UPDATE OF level3, description, value ON indicators BEGIN INSERT INTO indicator_fts(indicator_fts, rowid, level3, description, value) VALUES ('delete', old.id, old.level3 || '', old.description || '', old.value || ''); INSERT INTO indicator_fts(rowid, level3, description, value) VALUES (new.id, new.level3 || '', new.description || '', new.value || ''); END;
INSERT INTO alembic_version (version_num) VALUES ('0009_content_digest');
