// Topics rising in the corpus: papers naming them a key term in its last twelve months
// against the twelve before, counted back from its newest paper (papers without a date are
// left out; a date of only a year counts from its 1 January).
MATCH (dated:Paper)
WHERE dated.published IS NOT NULL
WITH date(substring(max(dated.published), 0, 10)) AS newest
WITH toString(newest - duration({years: 1})) AS yearAgo,
     toString(newest - duration({years: 2})) AS twoYearsAgo
MATCH (paper:Paper)-[mention:MENTIONS]->(topic:Topic)
WHERE paper.published > twoYearsAgo AND mention.keyTerm
WITH topic, yearAgo,
     count(CASE WHEN paper.published > yearAgo THEN 1 END) AS lastYear,
     count(CASE WHEN paper.published <= yearAgo THEN 1 END) AS yearBefore
WHERE lastYear >= 3
RETURN topic.label AS topic, lastYear, yearBefore,
       round(toFloat(lastYear) / (yearBefore + 1), 2) AS growth
ORDER BY growth DESC, lastYear DESC, topic
LIMIT 20
