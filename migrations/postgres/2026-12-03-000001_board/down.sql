DROP TABLE board_search;
DROP TABLE board_counts;
DROP TABLE board;
