// Topics rising in the last year: papers of the last twelve months against the twelve before
// (papers without a date are left out; a date of only a year counts from its 1 January).
WITH toString(date() - duration({years: 1})) AS yearAgo,
     toString(date() - duration({years: 2})) AS twoYearsAgo
MATCH (paper:Paper)-[:MENTIONS]->(topic:Topic)
WHERE paper.published >= twoYearsAgo
WITH topic, yearAgo,
     count(CASE WHEN paper.published >= yearAgo THEN 1 END) AS lastYear,
     count(CASE WHEN paper.published < yearAgo THEN 1 END) AS yearBefore
WHERE lastYear >= 3
RETURN topic.label AS topic, lastYear, yearBefore,
       round(toFloat(lastYear) / (yearBefore + 1), 2) AS growth
ORDER BY growth DESC, lastYear DESC, topic
LIMIT 20
