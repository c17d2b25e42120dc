DROP INDEX board_category;
DROP INDEX board_search_document_es;
DROP INDEX board_search_document_en;
