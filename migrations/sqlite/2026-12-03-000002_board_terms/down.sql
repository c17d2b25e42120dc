DROP TABLE board_search_terms;
