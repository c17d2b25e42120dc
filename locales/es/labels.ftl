## Etiquetas de los valores guardados.

seniority-intern = Prácticas
seniority-junior = Junior
seniority-middle = Middle
seniority-middle_plus = Middle+
seniority-senior = Senior
seniority-lead = Lead
employment-full_time = Jornada completa
employment-part_time = Media jornada
employment-contract = Contrato por proyecto
employment-internship = Prácticas
employment-temporary = Temporal
work-mode-remote = Remoto
work-mode-hybrid = Híbrido
work-mode-onsite = Presencial
salary-period-hour = por hora
salary-period-day = por día
salary-period-month = al mes
salary-period-year = al año
