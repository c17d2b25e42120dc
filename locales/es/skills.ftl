## Nombres de habilidades que cambian con el idioma; las demás muestran su nombre guardado.

skill-accessibility = Accesibilidad
skill-data-modelling = Modelado de datos
skill-manual-testing = Pruebas manuales
skill-networking = Redes
skill-penetration-testing = Pruebas de penetración
skill-rest-apis = APIs REST
skill-statistics = Estadística
skill-test-automation = Automatización de pruebas
skill-unit-testing = Pruebas unitarias
