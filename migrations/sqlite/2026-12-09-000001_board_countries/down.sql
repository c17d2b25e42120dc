DROP TABLE board_country_counts;
DROP TABLE board_countries;
