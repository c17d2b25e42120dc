## Informes para el equipo de selección (templates/admin/reports.html, src/handlers/admin/reports.rs).

reports-nav = Informes
reports-title = Informes
reports-heading = Informes
reports-filters = Filtros del informe
reports-vacancy = Vacante
reports-any-vacancy = Todas las vacantes
reports-category = Categoría
reports-any-category = Todas las categorías
reports-period = Periodo
reports-period-4w = Últimas 4 semanas
reports-period-12w = Últimas 12 semanas
reports-period-26w = Últimas 26 semanas
reports-period-52w = Últimas 52 semanas
reports-period-all = Desde el principio
reports-show = Mostrar
reports-summary-since = { $count ->
    [one] { $n } candidatura recibida desde el { $since }.
   *[other] { $n } candidaturas recibidas desde el { $since }.
}
reports-summary-all = { $count ->
    [one] { $n } candidatura recibida en total.
   *[other] { $n } candidaturas recibidas en total.
}
# Números con decimales (2,5 días) y porcentajes.
reports-decimal-separator = ,
reports-percent = { $n } %
reports-unknown-chart = Elige un gráfico: weekly, funnel, sources o per-vacancy.

# Candidaturas por semana.
reports-weekly-heading = Candidaturas por semana
reports-weekly-csv = Cifras semanales en CSV
reports-weekly-title = Candidaturas por semana en las últimas 12 semanas
reports-week-label = { $day } { $month }
reports-weekly-desc = Gráfico de columnas de las 12 semanas desde el { $from }: { $count ->
    [one] { $n } candidatura
   *[other] { $n } candidaturas
} en total, la mayoría en la semana del { $peak } ({ $max }).
reports-weekly-desc-none = Gráfico de columnas de las 12 semanas desde el { $from }: ninguna candidatura.
reports-weekly-caption = Candidaturas por semana (las semanas empiezan el lunes)
reports-col-week = Semana del
reports-col-applications = Candidaturas

# El proceso de selección.
reports-funnel-heading = Proceso de selección
reports-funnel-csv = Cifras del proceso en CSV
reports-funnel-title = Hasta dónde llegaron las candidaturas en el proceso
reports-funnel-desc = Gráfico de barras de { $count ->
    [one] { $n } candidatura
   *[other] { $n } candidaturas
}: { $steps }.
reports-funnel-desc-step = { $stage } { $n } ({ $percent })
reports-funnel-caption = Candidaturas que llegaron a cada fase; en descartadas y retiradas, las que terminaron ahí
reports-col-stage = Fase
reports-col-reached = Llegaron
reports-col-share = Porcentaje
reports-col-now = Ahora en esta fase
reports-median-review = Mediana hasta la primera revisión
reports-median-hire = Mediana hasta la contratación
reports-days = { $count ->
    [one] { $n } día
   *[other] { $n } días
}
reports-median-of = { $count ->
    [one] (una candidatura)
   *[other] ({ $n } candidaturas)
}
reports-median-none = Aún no hay nada que medir
reports-median-note = Desde la llegada de una candidatura hasta el primer cambio de estado hecho por el equipo, y hasta su paso a contratada; de las candidaturas recibidas en el periodo.

# Candidaturas por vacante abierta.
reports-vacancies-heading = Candidaturas por vacante abierta
reports-vacancies-csv = Cifras por vacante en CSV
reports-open-vacancies = Vacantes abiertas
reports-open-applications = Sus candidaturas
reports-per-vacancy = Por vacante abierta
reports-without = Sin candidaturas
reports-vacancies-title = Vacantes abiertas con más candidaturas
reports-vacancies-desc = Gráfico de barras de { $count ->
    [one] la vacante abierta
   *[other] las { $n } vacantes abiertas
} con más candidaturas; la primera, { $top }, con { $max }.
reports-vacancies-desc-none = Ninguna vacante abierta tiene candidaturas en este periodo.
reports-vacancies-caption = Vacantes abiertas con más candidaturas en el periodo
reports-col-vacancy = Vacante

# Procedencia.
reports-sources-heading = De dónde llegaron las candidaturas
reports-sources-csv = Cifras por procedencia en CSV
reports-sources-title = Candidaturas por procedencia
reports-sources-desc = Gráfico de barras de { $count ->
    [one] una procedencia
   *[other] { $n } procedencias
}; la mayoría de las candidaturas llegó desde { $top } ({ $max }).
reports-sources-desc-none = Ninguna candidatura en este periodo.
reports-sources-caption = Candidaturas por sitio de procedencia o campaña (utm_source)
reports-col-source = Procedencia
reports-source-direct = Directa o desconocida
reports-source-other = Otras procedencias
reports-sources-note = El sitio o la etiqueta de campaña (utm_source) de la visita que llevó a la candidatura, que se recuerda durante un día. Directa o desconocida: una dirección escrita a mano o guardada en favoritos, o un sitio que no envía la procedencia.
reports-application-source = Procedencia
