## El área del equipo de selección (templates/admin y los mensajes de sus manejadores).

# Navegación, para templates/base.html con una sesión iniciada.
admin-nav = Administración
admin-nav-dashboard = Panel
admin-nav-vacancies = Vacantes
admin-nav-applications = Candidaturas
admin-nav-articles = Artículos
admin-nav-paths = Rutas
admin-nav-comments = Comentarios
admin-nav-users = Usuarios
admin-nav-audit = Registro de cambios
admin-nav-sign-out = Cerrar sesión

# Palabras comunes.
admin-page-title = { $name } · administración
admin-edit-title = Editar «{ $title }»
admin-any = Cualquiera
admin-none = Ninguna
admin-none-lower = ninguna
admin-none-yet = Todavía no hay ninguna.
admin-choose = Elige…
admin-filter = Filtrar
admin-save = Guardar
admin-cancel = Cancelar
admin-edit = Editar
admin-preview = Vista previa
admin-publish = Publicar
admin-unpublish = Despublicar
admin-close = Cerrar
admin-reopen = Reabrir
admin-duplicate = Duplicar
admin-delete = Eliminar
admin-delete-ellipsis = Eliminar…
admin-not-yet = todavía no
admin-no-date = sin fecha
admin-not-stated = No indicado
admin-after-publishing = (al publicar)
admin-public-page = Página pública
admin-title-contains = El título contiene
admin-post-vacancy = Publicar una vacante
admin-cannot-undo = No se puede deshacer.
admin-email = Correo electrónico
admin-password = Contraseña
admin-skills = Habilidades:
admin-faqs = Preguntas y respuestas
admin-pages = Páginas
admin-preview-heading = Vista previa (aún sin guardar)
admin-minutes = { $n } min
admin-system = el sistema
admin-former-user = antiguo usuario
admin-required-before = Los campos marcados con
admin-required-after = son obligatorios.
admin-form-correct = { $count ->
    [one] Corrige { $n } campo:
   *[other] Corrige { $n } campos:
}
admin-nothing-changed = No había ningún cambio, así que no se ha guardado nada.
admin-nothing-deleted = No se ha eliminado nada: marca primero la casilla para confirmar.
admin-nothing-erased = No se ha borrado nada: marca primero la casilla para confirmar.

# Columnas de las tablas.
admin-col-when = Cuándo
admin-col-who = Quién
admin-col-what = Qué
admin-col-changes = Cambios
admin-col-name = Nombre
admin-col-email = Correo electrónico
admin-col-role = Rol
admin-col-status = Estado
admin-col-actions = Acciones
admin-col-vacancy = Vacante
admin-col-candidate = Candidato/a
admin-col-received = Recibida
admin-col-category = Categoría
admin-col-posted = Publicada
admin-col-updated = Actualizado
admin-col-path = Ruta
admin-col-step = Paso
admin-col-article = Artículo
admin-col-order = Orden
admin-col-field = Campo
admin-col-from = Antes
admin-col-to = Después

# Historial de un elemento: «publicar por Ann Archer, 30 nov 2026, 09:30 UTC».
admin-history = Historial
admin-history-none = No hay cambios registrados.
admin-by = por { $who }
admin-by-system = por el sistema
admin-by-candidate = por la persona candidata

# Acceso.
admin-login-title = Iniciar sesión
admin-login-heading = Acceso para el equipo de selección
admin-sign-in = Entrar

# Cuenta.
admin-account-title = Tu cuenta
admin-account-signed-in-as = Has iniciado sesión como { $email }.
admin-account-language-heading = Idioma del área de administración
admin-account-language = Idioma
admin-account-language-save = Guardar idioma
admin-language-saved = El área de administración está ahora en español.
admin-account-password-heading = Cambiar la contraseña
admin-account-current-password = Contraseña actual
admin-account-new-password = Contraseña nueva
admin-account-new-password-hint = Al menos 12 caracteres.
admin-account-confirm-password = Repite la contraseña nueva
admin-account-password-save = Cambiar la contraseña
admin-password-changed = Se ha cambiado tu contraseña.

# Panel.
admin-dashboard-title = Panel
admin-dashboard-new-applications = { $count ->
    [one] candidatura nueva
   *[other] candidaturas nuevas
}
admin-dashboard-open = { $count ->
    [one] abierta
   *[other] abiertas
}
admin-dashboard-drafts = { $count ->
    [one] borrador
   *[other] borradores
}
admin-dashboard-closed = { $count ->
    [one] cerrada
   *[other] cerradas
}
admin-dashboard-expiring = { $count ->
    [one] caduca en los próximos 7 días
   *[other] caducan en los próximos 7 días
}
admin-dashboard-pending-comments = { $count ->
    [one] comentario por moderar
   *[other] comentarios por moderar
}
admin-dashboard-latest = Últimos cambios
admin-dashboard-nothing-yet = Todavía no ha cambiado nada.

# Registro de cambios.
admin-audit-title = Registro de cambios · administración
admin-audit-heading = Registro de cambios
admin-audit-nothing = No hay nada registrado.
admin-audit-nothing-on-page = No hay nada registrado en esta página.
admin-audit-newer = ← Más recientes
admin-audit-older = Más antiguos →

# Usuarios.
admin-users-title = Usuarios · administración
admin-users-heading = Usuarios
admin-users-active = Activa
admin-users-deactivated = Desactivada
admin-users-deactivate = Desactivar
admin-users-reactivate = Reactivar
admin-users-reset-password = Restablecer la contraseña
admin-users-of = de { $email }
admin-users-add = Añadir un usuario
admin-users-add-hint = Al crear la cuenta se muestra una contraseña temporal una sola vez; la persona la cambia desde su nombre en el menú.
admin-users-create = Crear la cuenta
admin-user-created = Cuenta creada para { $email }. Contraseña temporal (se muestra una sola vez; compártela de forma segura): { $password }
admin-user-own-account = No puedes desactivar tu propia cuenta.
admin-user-reactivated = La cuenta vuelve a estar activa.
admin-user-deactivated = La cuenta está desactivada; sus sesiones terminan en su próxima petición.
admin-user-password-reset = Nueva contraseña temporal para { $email } (se muestra una sola vez): { $password }

# Vacantes.
admin-vacancies-title = Vacantes · administración
admin-vacancies-heading = Vacantes
admin-vacancies-find = Buscar vacantes
admin-vacancies-none = Ninguna vacante coincide.
admin-vacancies-caption = { $count ->
    [one] { $n } vacante
   *[other] { $n } vacantes
}
admin-vacancy-closed-expired = Cerrada (caducada)
admin-vacancy-expired = (caducada)
admin-vacancy-expired-notice = Esta vacante ha pasado su fecha límite y cuenta como cerrada en todas partes. Cambia la fecha para abrirla de nuevo, o ciérrala.
admin-vacancy-seniority = Nivel
admin-vacancy-location = Ubicación
admin-vacancy-salary = Salario
admin-vacancy-valid-through = Fecha límite
admin-vacancy-delete-draft = Eliminar el borrador
admin-vacancy-no-applications = Todavía no hay candidaturas.
admin-vacancy-filter-applications = Filtrar y exportar estas candidaturas
admin-vacancy-new = Nueva vacante
admin-vacancy-markdown-hint = Las secciones usan Markdown: «- » empieza un elemento de lista, **negrita**, una línea en blanco entre párrafos.
admin-vacancy-legend-role = El puesto
admin-vacancy-job-title = Puesto
admin-vacancy-job-title-hint = Solo el puesto, como «Desarrollador/a backend (Python)»: sin salario, lugar ni modalidad.
admin-vacancy-employment = Tipo de contrato
admin-vacancy-work-mode = Modalidad
admin-vacancy-legend-where = Dónde
admin-vacancy-city = Ciudad (oficina o híbrido)
admin-vacancy-city-hint = Obligatoria salvo que el puesto sea en remoto.
admin-vacancy-country = País de la oficina
admin-vacancy-country-none = Ninguno (en remoto)
admin-vacancy-places-hint = Cada lugar es una ciudad y su país; el primero es el principal. Para añadir un lugar, rellena una fila vacía; para quitarlo, vacía su fila. Como máximo { $max } lugares.
admin-vacancy-place-city = Ciudad del lugar { $n }
admin-vacancy-place-country = País del lugar { $n }
admin-vacancy-more-places = Más lugares
admin-vacancy-remote-countries = Países admitidos para trabajar en remoto
admin-vacancy-remote-countries-hint = Códigos de dos letras separados por comas, como DE, PL, ES. Obligatorio en puestos en remoto.
admin-vacancy-legend-salary = Salario y fechas
admin-vacancy-salary-from = Salario desde
admin-vacancy-salary-to = Salario hasta
admin-vacancy-currency = Moneda
admin-vacancy-period = Por
admin-period-hour = hora
admin-period-day = día
admin-period-month = mes
admin-period-year = año
admin-vacancy-valid-through-hint = El último día para inscribirse (AAAA-MM-DD). Después, la vacante se cierra sola.
admin-vacancy-legend-description = Descripción
admin-vacancy-summary-hint = De dos a cuatro frases sobre el puesto y el equipo.
admin-vacancy-skills-hint = Separadas por comas, como Python, PostgreSQL, Docker.
admin-vacancy-preview-check = Vista previa y revisión
admin-field-title = Título
admin-field-summary = Resumen
admin-field-responsibilities = Funciones
admin-field-requirements = Requisitos
admin-field-nice-to-have = Se valorará
admin-field-benefits = Qué ofrecemos
admin-field-skills = Habilidades
admin-vacancy-saved = Se ha guardado la vacante.
admin-vacancy-not-allowed = Una vacante en estado «{ $status }» no admite ese cambio.
admin-vacancy-not-ready = Aún no se ha publicado: { $problems }
admin-vacancy-published = La vacante está publicada.
admin-vacancy-closed = La vacante está cerrada: su página sigue visible, sin la opción de inscribirse.
admin-vacancy-reopened = La vacante vuelve a estar abierta.
admin-vacancy-duplicated = Se ha creado una copia en borrador. Edítala y después publícala.
admin-vacancy-not-draft = Solo se pueden eliminar los borradores. Cierra la vacante publicada para que su página siga funcionando.
admin-vacancy-deleted = Se ha eliminado el borrador.

# La lista de comprobación de Google de una vacante.
admin-checklist-heading = ¿Lista para Google?
admin-checklist-ok = Están todas las propiedades de JobPosting que Google exige y recomienda.
admin-checklist-must-fix = Hay que corregir:
admin-checklist-advice = Consejo:
admin-checklist-warning = Aviso:
admin-checklist-json-ld = El JSON-LD que llevará esta página
check-title-empty = El título está vacío.
check-title-salary = El título incluye un salario; Google pide solo el nombre del puesto. Indica el salario en sus campos.
check-description-empty = La descripción está vacía.
check-organisation-unnamed = La empresa que contrata no tiene nombre (configura ORG_NAME).
check-remote-countries = Un puesto en remoto necesita al menos un país donde puedan vivir las personas candidatas.
check-no-country = La ubicación del puesto no tiene país.
check-expired = La fecha límite ya ha pasado.
check-title-place = El título menciona un lugar o una modalidad; Google los muestra a partir de los campos de ubicación, deja en el título solo el puesto.
check-description-short = { $count ->
    [one] La descripción tiene { $words } palabra; Google recomienda una descripción completa (100 palabras o más).
   *[other] La descripción tiene { $words } palabras; Google recomienda una descripción completa (100 palabras o más).
}
check-no-city = La ubicación del puesto no tiene ciudad.
check-no-salary = Sin salario: las ofertas con una horquilla salarial reciben más atención, y algunos países la exigen.
check-eu-pay-transparency = No hay banda salarial y el puesto está en la UE o el EEE: según la Directiva de transparencia retributiva de la UE (2023/970), aplicable desde el 7 de junio de 2026, la empresa debe indicar el salario o su banda antes de la entrevista. Añade la banda salarial.
check-no-valid-through = Sin fecha límite: Google podría seguir mostrando la oferta cuando el puesto ya esté cubierto.
check-no-employment-type = Sin tipo de contrato.
check-title-capitals = El título está en mayúsculas; escríbelo como un título normal.

# Candidaturas.
admin-applications-title = Candidaturas · administración
admin-applications-heading = Candidaturas
admin-applications-export = Exportar estas a CSV
admin-applications-find = Buscar candidaturas
admin-applications-name-or-email = Nombre o correo
admin-applications-counts = Recuento por estado
admin-applications-all = Todas
admin-applications-none = Ninguna candidatura coincide.
admin-applications-caption = { $count ->
    [one] { $n } candidatura, las más recientes primero
   *[other] { $n } candidaturas, las más recientes primero
}
admin-application-title = { $name } · candidatura
admin-application-phone = Teléfono
admin-application-portfolio = Portafolio
admin-application-cv = CV
admin-application-cover-letter = Carta de presentación
admin-application-none-sent = No ha enviado ninguna.
admin-application-pipeline = Proceso
admin-application-pipeline-steps = nueva → en revisión → entrevista → oferta → contratada, o descartada / retirada.
admin-application-final = Esta candidatura está «{ $status }»: no admite más cambios.
admin-application-move-to = Pasar a «{ $status }»
admin-application-notes = Notas
admin-application-no-notes = Todavía no hay notas.
admin-application-new-note = Nota nueva
admin-application-save-note = Guardar la nota
admin-application-erase = Borrar definitivamente
admin-application-erase-text = Cuando la persona candidata pida que borremos sus datos: esto elimina ahora la candidatura, el CV y las notas. No se puede deshacer; el historial solo conserva que se borró y quién lo hizo.
admin-application-erase-confirm = Sí, borrar la candidatura y el CV de { $name }
admin-application-moved = Estado cambiado a «{ $to }».
admin-application-refused = Una candidatura en estado «{ $from }» no puede pasar a «{ $to }».
admin-application-erased = Se han borrado definitivamente la candidatura, su CV y sus notas.
admin-note-too-long = La nota debe tener menos de { $max } caracteres.
admin-note-saved = Nota guardada.

# Artículos.
admin-articles-title = Artículos · administración
admin-articles-heading = Artículos
admin-articles-write = Escribir un artículo
admin-articles-find = Buscar artículos
admin-articles-no-path = Sin ruta
admin-articles-none = Ningún artículo coincide.
admin-articles-caption = { $count ->
    [one] { $n } artículo
   *[other] { $n } artículos
}
admin-article-new = Nuevo artículo
admin-article-address = Dirección:
admin-article-address-note = (no cambia una vez publicado el artículo, así que los enlaces siguen funcionando).
admin-article-legend-article = El artículo
admin-article-title-hint = Una pregunta o un tema claro, como «¿Qué hace un desarrollador backend?».
admin-article-summary-hint = Una o dos frases; se muestran en las listas y a los buscadores.
admin-article-body = Cuerpo (Markdown)
admin-article-body-hint = ## empieza el título de una sección (entra en el índice), «- » un elemento de lista, **negrita**, [texto](https://enlace), ``` un bloque de código. El HTML se elimina.
admin-article-legend-faqs = Preguntas y respuestas (FAQ)
admin-article-faqs-hint = Se muestran bajo el artículo y a los buscadores. Deja una fila vacía para omitirla; guarda para tener más filas vacías.
admin-article-question = Pregunta { $n }
admin-article-answer = Respuesta { $n }
admin-article-legend-place = Habilidades, ruta y estado
admin-article-skills = Habilidades que enseña
admin-article-skills-hint = Separadas por comas, como SQL, PostgreSQL, Git. Las vacantes con las mismas habilidades enlazan al artículo.
admin-article-path = Ruta de aprendizaje
admin-article-position = Paso en la ruta
admin-article-position-hint = 1 es el primer paso. Vacío: después del último.
admin-article-status-hint = Los lectores solo ven los artículos publicados. Si lo despublicas y lo vuelves a publicar, se conserva la fecha de la primera publicación.
admin-article-step = paso { $n }
admin-article-first-published = Primera publicación
admin-article-reading-time = Tiempo de lectura
admin-article-text = Texto
admin-article-delete-title = Eliminar «{ $title }» · administración
admin-article-delete-heading = ¿Eliminar «{ $title }»?
admin-article-delete-published = El artículo está publicado: su página responderá «no encontrada»; si lo despublicas, el texto se conserva. Su dirección:
admin-article-delete-comments = { $count ->
    [one] También se eliminará su comentario.
   *[other] También se eliminarán sus { $n } comentarios.
}
admin-article-delete-button = Eliminar el artículo
admin-article-saved = Se ha guardado el artículo.
admin-article-already-published = El artículo ya está publicado.
admin-article-already-draft = El artículo ya es un borrador.
admin-article-published = El artículo está publicado.
admin-article-unpublished = El artículo vuelve a ser un borrador: los lectores ya no lo ven.
admin-article-at-end = El artículo ya está en ese extremo de su ruta.
admin-article-deleted = Se ha eliminado el artículo.

# Rutas de aprendizaje.
admin-paths-title = Rutas de aprendizaje · administración
admin-paths-heading = Rutas de aprendizaje
admin-paths-new = Nueva ruta
admin-paths-hint = Los lectores ven las rutas en este orden, y los pasos de cada ruta en orden (solo artículos publicados). Los botones de mover renumeran los pasos 1, 2, 3…
admin-paths-none = Todavía no hay rutas.
admin-paths-add-article = Añadir un artículo
admin-paths-to = a { $title }
admin-paths-move-up = Subir
admin-paths-move-down = Bajar
admin-paths-articles = { $count ->
    [one] { $n } artículo
   *[other] { $n } artículos
}
admin-paths-no-articles = Esta ruta todavía no tiene artículos.
admin-paths-steps-of = Pasos de { $title }
admin-paths-up = Arriba
admin-paths-down = Abajo
admin-paths-earlier = adelantar «{ $title }» un paso
admin-paths-later = retrasar «{ $title }» un paso
admin-paths-loose = Artículos sin ruta
admin-paths-no-loose = Todos los artículos están en una ruta.
admin-path-new = Nueva ruta de aprendizaje
admin-path-edit = Editar la ruta «{ $title }»
admin-path-address = Dirección:
admin-path-address-note = (no cambia con el título, así que los enlaces siguen funcionando).
admin-path-title-hint = El puesto o el tema, como «Desarrollo backend».
admin-path-summary-hint = Para quién es la ruta y qué sabrá al terminarla.
admin-path-delete-heading = Eliminar esta ruta
admin-path-delete-text = Sus artículos se conservan y aparecen en «Artículos sin ruta»; los lectores no pierden lo que marcaron como leído. Esta dirección deja de funcionar:
admin-path-delete-confirm = Sí, eliminar la ruta «{ $title }»
admin-path-delete-button = Eliminar la ruta
admin-path-created = Se ha creado la ruta. Añádele artículos desde su formulario.
admin-path-saved = Se ha guardado la ruta.
admin-path-deleted = Se ha eliminado la ruta «{ $title }». { $count ->
    [0] No tenía artículos.
    [one] Su artículo queda sin ruta.
   *[other] Sus { $n } artículos quedan sin ruta.
}
admin-path-at-end = La ruta ya está en ese extremo de la lista.

# Comentarios.
admin-comments-title = Comentarios · administración
admin-comments-heading = Comentarios
admin-comments-waiting = pendientes de moderación
admin-comments-filter = Filtrar comentarios
admin-comments-any = Cualquiera (pendientes primero)
admin-comments-none = Aquí no hay comentarios.
admin-comments-with-ticked = Con los comentarios marcados
admin-comments-approve = Aprobar
admin-comments-mark-spam = Marcar como spam
admin-comments-spam = Spam
admin-comments-apply = Aplicar
admin-comments-caption = { $count ->
    [one] { $n } comentario, pendientes primero y después los más recientes
   *[other] { $n } comentarios, pendientes primero y después los más recientes
}
admin-comments-select = Seleccionar
admin-comments-comment = Comentario
admin-comments-select-one = Seleccionar el comentario de { $author } en { $title }
admin-comments-on = En
admin-comments-a-reply = (una respuesta)
admin-comments-from = desde { $address }
admin-comments-the-comment-by = el comentario de { $author }
admin-comments-choose-action = Elige qué hacer con los comentarios: aprobar, marcar como spam o eliminar.
admin-comments-tick-first = Marca primero al menos un comentario.
admin-comments-unchanged = No ha cambiado nada: esos comentarios ya tenían ese estado.
admin-comments-approved = { $count ->
    [one] 1 comentario aprobado.
   *[other] { $n } comentarios aprobados.
}
admin-comments-spammed = { $count ->
    [one] 1 comentario marcado como spam.
   *[other] { $n } comentarios marcados como spam.
}
admin-comments-requeued = { $count ->
    [one] 1 comentario vuelve a la cola.
   *[other] { $n } comentarios vuelven a la cola.
}
admin-comments-deleted = { $count ->
    [one] 1 comentario eliminado.
   *[other] { $n } comentarios eliminados.
}

# Registro de cambios: qué se hizo (códigos guardados).
audit-action-create = crear
audit-action-update = editar
audit-action-delete = eliminar
audit-action-publish = publicar
audit-action-unpublish = despublicar
audit-action-close = cerrar
audit-action-reopen = reabrir
audit-action-duplicate = duplicar
audit-action-move = mover
audit-action-apply = inscribirse
audit-action-withdraw = retirar
audit-action-erase = borrar
audit-action-purge = purgar
audit-action-status = cambiar estado
audit-action-note = nota
audit-action-export = exportar
audit-action-download_cv = descargar CV
audit-action-approve = aprobar
audit-action-spam = spam
audit-action-pending = pendiente
audit-action-reactivate = reactivar
audit-action-deactivate = desactivar
audit-action-reset_password = restablecer contraseña
audit-action-change_password = cambiar contraseña
audit-action-change_language = cambiar idioma
audit-entity-vacancy = vacante
audit-entity-application = candidatura
audit-entity-article = artículo
audit-entity-path = ruta
audit-entity-comment = comentario
audit-entity-user = usuario
audit-field-title = título
audit-field-category = categoría
audit-field-seniority = nivel
audit-field-employment = tipo de contrato
audit-field-work_mode = modalidad
audit-field-location = ubicación
audit-field-country = país
audit-field-other_places = otros lugares
audit-field-remote_countries = países en remoto
audit-field-salary_min = salario mínimo
audit-field-salary_max = salario máximo
audit-field-salary_currency = moneda
audit-field-salary_period = periodo del salario
audit-field-valid_through = fecha límite
audit-field-summary = resumen
audit-field-responsibilities = funciones
audit-field-requirements = requisitos
audit-field-nice_to_have = se valorará
audit-field-benefits = qué ofrecemos
audit-field-skills = habilidades
audit-field-body = cuerpo
audit-field-faqs = preguntas frecuentes
audit-field-path = ruta
audit-field-position = posición
audit-field-slug = dirección
audit-field-status = estado
audit-field-copied_from = copiada de
audit-field-email = correo
audit-field-note = nota
audit-field-role = rol
audit-field-rows = filas
audit-field-active = activa
audit-field-lang = idioma
audit-field-translation_of = traducción de
audit-field-other_languages = en otros idiomas
# Traducciones de vacantes, artículos y rutas
admin-versions-heading = Idiomas
admin-versions-original = Esta es la versión en { $language } de
admin-versions-this = esta página
admin-version-add = Añadir la versión en { $language }
admin-field-language = Idioma
admin-version-language-taken = Ya hay una versión en ese idioma: edita esa en lugar de crear otra.
admin-version-translating = Estás escribiendo la versión en { $language } de «{ $title }»: traduce el título y los textos. Tendrá su propia dirección y se guarda como borrador.
admin-vacancy-other-languages = Mostrar esta vacante en los demás idiomas mientras no tenga traducción
admin-vacancy-other-languages-hint = Quien lea la web en otro idioma la verá, marcada con su idioma, hasta que añadas su versión.
